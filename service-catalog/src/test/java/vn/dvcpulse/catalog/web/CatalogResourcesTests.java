package vn.dvcpulse.catalog.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import vn.dvcpulse.access.AccessToken;
import vn.dvcpulse.access.Role;
import vn.dvcpulse.catalog.domain.ReferenceData;
import vn.dvcpulse.catalog.store.CatalogConflictException;
import vn.dvcpulse.catalog.store.CatalogStore;
import vn.dvcpulse.catalog.store.StaleRevisionException;
import vn.dvcpulse.contract.catalog.CatalogLookup;
import vn.dvcpulse.testsupport.TestTokens;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest({ ServiceResource.class, LocalityResource.class, TargetResource.class })
class CatalogResourcesTests {

	static final String COMMITTEE = TestTokens.bearer(Role.COMMITTEE);

	static final Instant SEEDED = Instant.parse("2026-01-01T00:00:00Z");

	static final String DRAFT = """
			{"nameVi":"Tên","nameEn":"Name","verified":true,"feeBearing":false}
			""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CatalogStore catalog;

	@BeforeEach
	void catalogHoldsTheReferenceData() {
		given(this.catalog.lookup()).willReturn(new CatalogLookup(ReferenceData.services(SEEDED),
				ReferenceData.localities(SEEDED), ReferenceData.targets(SEEDED)));
	}

	@Test
	void services_listAllFiftyThree_withTheCatalogVersion() throws Exception {
		this.mvc.perform(get("/api/v1/catalog/services"))
			.andExpect(status().isOk())
			.andExpect(header().string("Catalog-Version", "1"))
			.andExpect(jsonPath("$.catalogVersion").value(1))
			.andExpect(jsonPath("$.count").value(53))
			.andExpect(jsonPath("$.services[0].code").value("P06-01"));
	}

	@Test
	void services_filterByProgramVerifiedMinistryAndOnlineLevel() throws Exception {
		this.mvc.perform(get("/api/v1/catalog/services?program=Q422&verified=false"))
			.andExpect(jsonPath("$.count").value(10))
			.andExpect(jsonPath("$.services[0].verified").value(false));
		this.mvc.perform(get("/api/v1/catalog/services?onlineLevel=PARTIAL"))
			.andExpect(jsonPath("$.count").value(2))
			.andExpect(jsonPath("$.services[*].code").value(contains("P06-03", "P06-04")));
		this.mvc.perform(get("/api/v1/catalog/services").param("ministry", "công an").param("program", "P06"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.services[0].responsibleMinistry").value("Bộ Công an"));
	}

	@Test
	void services_anEmptyProgramIsNoFilter_andAProgrammeThatIsNoneIsA400() throws Exception {
		this.mvc.perform(get("/api/v1/catalog/services?program="))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.count").value(53));
		this.mvc.perform(get("/api/v1/catalog/services?program=q422"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.count").value(28));
		this.mvc.perform(get("/api/v1/catalog/services?program=P07"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:invalid-parameter"))
			.andExpect(jsonPath("$.field").value("program"))
			.andExpect(jsonPath("$.expected").value("P06 or Q422"));
	}

	@Test
	void service_byCode_withItsRevisionAsETag() throws Exception {
		this.mvc.perform(get("/api/v1/catalog/services/P06-03"))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.nameVi").value("Đăng ký thường trú"))
			.andExpect(jsonPath("$.onlineLevels[0].level").value("PARTIAL"))
			.andExpect(jsonPath("$.revision.catalogVersion").value(1));
	}

	@Test
	void unknownCodes_are404Problems() throws Exception {
		this.mvc.perform(get("/api/v1/catalog/services/X-99"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:not-found"));
		this.mvc.perform(get("/api/v1/catalog/localities/99")).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/catalog/services/X-99/history")).andExpect(status().isNotFound());
	}

	@Test
	void localities_todayAreTheThirtyFour_andBeforeTheMergerTheSixtyThree() throws Exception {
		this.mvc.perform(get("/api/v1/catalog/localities")).andExpect(jsonPath("$.count").value(34));
		this.mvc.perform(get("/api/v1/catalog/localities?at=2025-06-30"))
			.andExpect(jsonPath("$.at").value("2025-06-30"))
			.andExpect(jsonPath("$.count").value(63));
	}

	@Test
	void oneLocality_showsItsLineageBothWays() throws Exception {
		this.mvc.perform(get("/api/v1/catalog/localities/02"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unit.validTo").value("2025-06-30"))
			.andExpect(jsonPath("$.successor.code").value("08"))
			.andExpect(jsonPath("$.successor.validFrom").value("2025-07-01"));
		this.mvc.perform(get("/api/v1/catalog/localities/08"))
			.andExpect(jsonPath("$.unit.validFrom").value("2025-07-01"))
			.andExpect(jsonPath("$.predecessors[*].nameVi").value(containsInAnyOrder("Hà Giang", "Tuyên Quang")))
			.andExpect(jsonPath("$.versions.length()").value(2));
		this.mvc.perform(get("/api/v1/catalog/localities/02?at=2025-07-01")).andExpect(status().isNotFound());
	}

	@Test
	void targets_inForceOnADay() throws Exception {
		this.mvc.perform(get("/api/v1/catalog/targets/ONLINE_SUBMISSION?at=2025-01-01"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.threshold").value(0.50));
		this.mvc.perform(get("/api/v1/catalog/targets/ONLINE_SUBMISSION?at=2021-01-01"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/catalog/targets/NO_SUCH_INDICATOR"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:invalid-parameter"));
	}

	@Test
	void badDate_is400NamingTheParameter() throws Exception {
		this.mvc.perform(get("/api/v1/catalog/localities?at=30/06/2025"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("at"))
			.andExpect(jsonPath("$.expected").value("an ISO-8601 date, e.g. 2025-07-01"));
	}

	@Test
	void edits_needTheStewardRole() throws Exception {
		this.mvc.perform(MockMvcRequestBuilders.put("/api/v1/catalog/services/Q422-19")
			.contentType(MediaType.APPLICATION_JSON)
			.content(DRAFT)
			.header("If-Match", "\"1\""))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:unauthenticated"));
		this.mvc.perform(put("/api/v1/catalog/services/Q422-19").contentType(MediaType.APPLICATION_JSON)
			.content(DRAFT)
			.header("If-Match", "\"1\""))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:forbidden"));
		verify(this.catalog, never()).updateService(any(), any(), anyLong(), any());
	}

	@Test
	void update_withoutIfMatch_is428() throws Exception {
		this.mvc.perform(steward(put("/api/v1/catalog/services/Q422-19")).content(DRAFT))
			.andExpect(status().isPreconditionRequired())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:revision-required"));
		verify(this.catalog, never()).updateService(any(), any(), anyLong(), any());
	}

	@Test
	void update_onAStaleRevision_is412() throws Exception {
		given(this.catalog.updateService(eq("Q422-19"), any(), eq(1L), eq("steward-1")))
			.willThrow(mock(StaleRevisionException.class));
		this.mvc.perform(steward(put("/api/v1/catalog/services/Q422-19")).content(DRAFT).header("If-Match", "\"1\""))
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:stale-revision"));
	}

	@Test
	void malformedEdits_are400() throws Exception {
		this.mvc.perform(steward(put("/api/v1/catalog/services/Q422-19")).content("{\"nameVi\": ")
			.header("If-Match", "\"1\""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:malformed-json"));
		this.mvc.perform(steward(put("/api/v1/catalog/services/X-1")).content(DRAFT).header("If-None-Match", "*"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("code"));
		this.mvc.perform(steward(post("/api/v1/catalog/localities")).content("""
				{"code":"1","nameVi":"X","type":"province","validFrom":"2030-01-01"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("code"));
		this.mvc.perform(steward(put("/api/v1/catalog/targets/ONLINE_SUBMISSION/2030-01-01"))
			.content("{\"threshold\":1.5,\"basis\":\"x\"}")
			.header("If-None-Match", "*"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("threshold"));
	}

	@Test
	void overlappingLocalityVersion_is422() throws Exception {
		given(this.catalog.addLocalityVersion(any(), any())).willThrow(
				new CatalogConflictException("Locality 01 from 2030-01-01 overlaps its version 01@2025-07-01"));
		this.mvc.perform(steward(post("/api/v1/catalog/localities")).content("""
				{"code":"01","nameVi":"Hà Nội","type":"centrally-run city","validFrom":"2030-01-01"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:catalog-conflict"))
			.andExpect(jsonPath("$.detail").value(containsString("overlaps")));
	}

	/** As the steward, steward-1: replaces the committee's token the request was built with. */
	private static MockHttpServletRequestBuilder steward(MockHttpServletRequestBuilder request) {
		String steward = "Bearer " + TestTokens.token((claims) -> claims.subject("steward-1")
			.claim(AccessToken.ROLES_CLAIM, List.of(Role.CATALOG_ADMIN.name())));
		return request.contentType(MediaType.APPLICATION_JSON)
			.with((mock) -> {
				mock.removeHeader(HttpHeaders.AUTHORIZATION);
				mock.addHeader(HttpHeaders.AUTHORIZATION, steward);
				return mock;
			});
	}

	/** Requests are the committee's (it may read, not edit) unless {@link #steward} makes them the steward's. */
	private static MockHttpServletRequestBuilder get(String path, Object... variables) {
		return MockMvcRequestBuilders.get(path, variables).header(HttpHeaders.AUTHORIZATION, COMMITTEE);
	}

	private static MockHttpServletRequestBuilder put(String path) {
		return MockMvcRequestBuilders.put(path).header(HttpHeaders.AUTHORIZATION, COMMITTEE);
	}

	private static MockHttpServletRequestBuilder post(String path) {
		return MockMvcRequestBuilders.post(path).header(HttpHeaders.AUTHORIZATION, COMMITTEE);
	}

	/** The real clock: "today" is the catalog's of now, after the 2025 merger. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Today {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
