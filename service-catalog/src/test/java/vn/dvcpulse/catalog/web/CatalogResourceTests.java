package vn.dvcpulse.catalog.web;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvcpulse.catalog.domain.ReferenceData;
import vn.dvcpulse.catalog.store.CatalogStore;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(CatalogResource.class)
class CatalogResourceTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CatalogStore catalog;

	@BeforeEach
	void catalogHoldsTheReferenceData() {
		given(this.catalog.services()).willReturn(ReferenceData.services());
		given(this.catalog.service(any())).willReturn(Optional.empty());
		given(this.catalog.service("P06-03")).willReturn(ReferenceData.services().stream()
			.filter((s) -> s.code().equals("P06-03"))
			.findFirst());
		given(this.catalog.localitiesInForce(any())).willAnswer((call) -> ReferenceData.localities().stream()
			.filter((l) -> l.inForceOn(call.getArgument(0, LocalDate.class)))
			.toList());
	}

	@Test
	void services_listAllFiftyThree() throws Exception {
		this.mvc.perform(get("/api/v1/catalog/services"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.count").value(53))
			.andExpect(jsonPath("$.services[0].code").value("P06-01"));
	}

	@Test
	void services_filterByProgramAndVerified() throws Exception {
		this.mvc.perform(get("/api/v1/catalog/services?program=Q422&verified=false"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.count").value(10))
			.andExpect(jsonPath("$.services[0].verified").value(false));
	}

	@Test
	void service_byCode() throws Exception {
		this.mvc.perform(get("/api/v1/catalog/services/P06-03"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.nameVi").value("Đăng ký thường trú"))
			.andExpect(jsonPath("$.verified").value(true));
	}

	@Test
	void service_unknown_is404Problem() throws Exception {
		this.mvc.perform(get("/api/v1/catalog/services/X-99"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:not-found"));
	}

	@Test
	void localities_todayAreTheThirtyFour() throws Exception {
		this.mvc.perform(get("/api/v1/catalog/localities"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.count").value(34));
	}

	@Test
	void localities_beforeTheMergerAreTheSixtyThree() throws Exception {
		this.mvc.perform(get("/api/v1/catalog/localities?at=2025-06-30"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.at").value("2025-06-30"))
			.andExpect(jsonPath("$.count").value(63));
	}

	@Test
	void localities_withABadDate_is400Problem() throws Exception {
		this.mvc.perform(get("/api/v1/catalog/localities?at=30/06/2025"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:invalid-parameter"))
			.andExpect(jsonPath("$.field").value("at"))
			.andExpect(jsonPath("$.expected").value("an ISO-8601 date, e.g. 2025-07-01"));
	}

}
