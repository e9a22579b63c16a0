package vn.dvcpulse.aggregator.web;

import java.time.Clock;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import vn.dvcpulse.access.Role;
import vn.dvcpulse.aggregator.Milestones;
import vn.dvcpulse.aggregator.domain.Counts;
import vn.dvcpulse.aggregator.domain.DistinctCitizens;
import vn.dvcpulse.aggregator.domain.Granularity;
import vn.dvcpulse.aggregator.report.LocalityReport;
import vn.dvcpulse.aggregator.stream.FiguresNotReadyException;
import vn.dvcpulse.aggregator.stream.RollupKey;
import vn.dvcpulse.aggregator.stream.Rollups.Entry;
import vn.dvcpulse.aggregator.stream.Rollups;
import vn.dvcpulse.contract.catalog.CatalogFeed;
import vn.dvcpulse.contract.event.Channel;
import vn.dvcpulse.testsupport.TestCatalog;
import vn.dvcpulse.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(LocalityMetricsResource.class)
@Import({ LocalityReport.class, CsvFigures.class, QueryParameters.class, LocalityMetricsResourceTests.Today.class })
class LocalityMetricsResourceTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Rollups rollups;

	@MockitoBean
	CatalogFeed catalog;

	@BeforeEach
	void theMergerYear() {
		given(this.catalog.get()).willReturn(TestCatalog.lookup());
		// Hà Giang (02) received 3 in June 2025, 1 online; Tuyên Quang (08) 2 in June, 2 in August, all online
		given(this.rollups.between(eq(Granularity.MONTH), any(), any())).willReturn(List.of(
				entry("2025-06", "02", 3, 1), entry("2025-06", "08", 2, 2), entry("2025-08", "08", 2, 2),
				entry("2025-08", "01", 40, 30)));
	}

	@Test
	void currentBoundaries_restateHaGiangIntoTuyenQuang() throws Exception {
		this.mvc.perform(get("/api/v1/metrics/localities?from=2025-06-01&to=2025-08-31&granularity=month"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.boundaries").value("CURRENT"))
			.andExpect(jsonPath("$.period.from").value("2025-06-01"))
			.andExpect(jsonPath("$.period.to").value("2025-08-31"))
			.andExpect(jsonPath("$.catalogVersion").value(1))
			.andExpect(jsonPath("$.definitionsVersion").exists())
			.andExpect(jsonPath("$.localities.length()").value(2))
			.andExpect(jsonPath("$.localities[1].localityCode").value("08"))
			.andExpect(jsonPath("$.localities[1].name").value("Tuyên Quang"))
			.andExpect(jsonPath("$.localities[1].volume").value(7))
			.andExpect(jsonPath("$.localities[1].indicators.onlineSubmission.numerator").value(5))
			.andExpect(jsonPath("$.localities[1].indicators.onlineSubmission.denominator").value(7))
			.andExpect(jsonPath("$.localities[1].indicators.onlineSubmission.rate").value(0.7143))
			.andExpect(jsonPath("$.national.volume").value(47));
	}

	@Test
	void asRecorded_keepsTheUnitsOfTheTime_withTheSameTotals() throws Exception {
		this.mvc.perform(get("/api/v1/metrics/localities?from=2025-06-01&to=2025-08-31&granularity=month"
				+ "&boundaries=as-recorded"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.localities.length()").value(3))
			.andExpect(jsonPath("$.localities[1].localityCode").value("02"))
			.andExpect(jsonPath("$.localities[1].name").value("Hà Giang"))
			.andExpect(jsonPath("$.localities[1].volume").value(3))
			.andExpect(jsonPath("$.localities[2].volume").value(4))
			.andExpect(jsonPath("$.national.volume").value(47));
	}

	@Test
	void distinctAdults_mergeAcrossPeriodsAndPredecessors_overTheAdultPopulation() throws Exception {
		byte[] june = DistinctCitizens.none();
		DistinctCitizens.plus(june, "c1");
		DistinctCitizens.plus(june, "c2");
		byte[] august = DistinctCitizens.none();
		DistinctCitizens.plus(august, "c2");
		DistinctCitizens.plus(august, "c3");
		given(this.rollups.distinctCitizens(eq(Granularity.MONTH), any(), any())).willReturn(List.of(
				new Rollups.Sketch(new RollupKey(Granularity.MONTH, "2025-06", "02", null), june),
				new Rollups.Sketch(new RollupKey(Granularity.MONTH, "2025-08", "08", null), august),
				// a code the catalog does not know: counted nationally, with no adult population of its own
				new Rollups.Sketch(new RollupKey(Granularity.MONTH, "2025-08", "96", null), august)));

		this.mvc.perform(get("/api/v1/metrics/localities?from=2025-06-01&to=2025-08-31&granularity=month"))
			.andExpect(jsonPath("$.localities[1].localityCode").value("08"))
			.andExpect(jsonPath("$.localities[1].distinctAdults.estimate").value(3))
			.andExpect(jsonPath("$.localities[1].distinctAdults.adultPopulation").value(767900))
			.andExpect(jsonPath("$.localities[1].distinctAdults.adultPopulationEstimated").value(true))
			.andExpect(jsonPath("$.nationalDistinctAdults.estimate").value(3));
	}

	@Test
	void localitiesBelowTheMinimumVolume_areListedButNotRanked() throws Exception {
		this.mvc.perform(get("/api/v1/metrics/localities?from=2025-06-01&to=2025-08-31&granularity=month"))
			.andExpect(jsonPath("$.localities[0].localityCode").value("01"))
			.andExpect(jsonPath("$.localities[0].ranked").value(true))
			.andExpect(jsonPath("$.localities[0].ranks.onlineSubmission").value(1))
			.andExpect(jsonPath("$.localities[1].ranked").value(false))
			.andExpect(jsonPath("$.localities[1].notRankedBecause").value("volume 7 is below the minimum of 30"));
	}

	@Test
	void oneLocality_perServiceAndAsATimeSeries() throws Exception {
		this.mvc.perform(get("/api/v1/metrics/localities/08?from=2025-06-01&to=2025-08-31"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.locality.volume").value(7))
			.andExpect(jsonPath("$.services[0].serviceCode").value("P06-03"))
			.andExpect(jsonPath("$.services[0].indicators.volume").value(7))
			.andExpect(jsonPath("$.series.length()").value(2))
			.andExpect(jsonPath("$.series[0].period").value("2025-06"))
			.andExpect(jsonPath("$.series[0].indicators.volume").value(5))
			.andExpect(jsonPath("$.series[1].period").value("2025-08"))
			.andExpect(jsonPath("$.series[1].indicators.onlineSubmission.rate").value(1.0));
	}

	@Test
	void theNation_asATimeSeries() throws Exception {
		this.mvc.perform(get("/api/v1/metrics/national?from=2025-06-01&to=2025-08-31"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.indicators.volume").value(47))
			.andExpect(jsonPath("$.series[*].period").value(org.hamcrest.Matchers.contains("2025-06", "2025-08")))
			.andExpect(jsonPath("$.series[1].indicators.volume").value(42));
	}

	@Test
	void targets_distanceOfEachLocalityToEachTargetInForce() throws Exception {
		this.mvc.perform(get("/api/v1/metrics/targets?from=2025-06-01&to=2025-08-31&granularity=month"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.localities[0].localityCode").value("01"))
			.andExpect(jsonPath("$.localities[0].targets[0].indicator").value("ONLINE_SUBMISSION"))
			.andExpect(jsonPath("$.localities[0].targets[0].target").value(0.50))
			.andExpect(jsonPath("$.localities[0].targets[0].distance").value(0.25))
			.andExpect(jsonPath("$.localities[0].targets[0].met").value(true));
	}

	@Test
	void theRequestIdThatCameWithTheRequest_goesBackWithTheAnswer_orANewOne() throws Exception {
		this.mvc.perform(get("/api/v1/metrics/national").header("X-Request-Id", "gw-42"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Request-Id", "gw-42"));
		this.mvc.perform(get("/api/v1/metrics/national").header("X-Request-Id", "not an id"))
			.andExpect(header().string("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}")));
		// a refused request has one too
		this.mvc.perform(MockMvcRequestBuilders.get("/api/v1/metrics/national"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().exists("X-Request-Id"));
	}

	@Test
	void figures_asCsv_forSpreadsheets() throws Exception {
		String csv = this.mvc.perform(get("/api/v1/metrics/localities?from=2025-06-01&to=2025-08-31&granularity=month")
			.accept("text/csv"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		String[] lines = csv.split("\\R");
		assertThat(lines).hasSize(3);
		assertThat(lines[0]).startsWith("locality_code,name,period_from,period_to,boundaries,catalog_version,volume,overdue_in_progress,ranked,"
				+ "distinct_adults_estimate,adult_population,distinct_adults_share,online_submission_numerator,online_submission_denominator,online_submission_rate,online_submission_rank");
		assertThat(lines[1]).startsWith("01,Hà Nội,2025-06-01,2025-08-31,CURRENT,1,40,0,true,,,,30,40,0.7500,1,");
		assertThat(lines[2]).startsWith("08,Tuyên Quang,2025-06-01,2025-08-31,CURRENT,1,7,0,false,,,,5,7,0.7143,,");
	}

	@Test
	void theNation_asCsv_byFormatParameter() throws Exception {
		this.mvc.perform(get("/api/v1/metrics/national?from=2025-06-01&to=2025-08-31&format=csv"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("2025-08,2025-08-01,2025-08-31,1,42,")));
	}

	@Test
	void unknownCodes_are400Problems() throws Exception {
		this.mvc.perform(get("/api/v1/metrics/localities/99"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("code"));
		this.mvc.perform(get("/api/v1/metrics/services/P06-99"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("service"));
	}

	@Test
	void badParameters_are400Problems() throws Exception {
		this.mvc.perform(get("/api/v1/metrics/localities?from=2025-09-01&to=2025-08-31"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:invalid-parameter"))
			.andExpect(jsonPath("$.field").value("from"));
		this.mvc.perform(get("/api/v1/metrics/localities?granularity=fortnight"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:invalid-parameter"))
			.andExpect(jsonPath("$.field").value("granularity"))
			.andExpect(jsonPath("$.expected").value("one of DAY, MONTH, QUARTER, YEAR"));
		this.mvc.perform(get("/api/v1/metrics/localities?service=P06-99"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("service"));
		this.mvc.perform(get("/api/v1/metrics/localities?boundaries=someday"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("boundaries"));
	}

	/** Each spelling of an unbounded question is refused at once, on every figure endpoint, never a 500. */
	@ParameterizedTest(name = "{0}?{1}")
	@CsvSource(delimiter = '|', textBlock = """
			localities    | from=-999999999-01-01&to=2025-08-31&granularity=year       | from
			localities    | from=2025-01-01&to=+999999999-12-31&granularity=year       | to
			localities    | from=+10000-01-01&to=+10000-12-31&granularity=quarter      | from
			localities    | from=2019-12-31&to=2025-08-31                              | from
			localities    | from=2025-01-01&to=2100-01-01&granularity=year             | to
			localities    | from=2020-01-01&to=2025-08-31&granularity=day              | to
			national      | from=2000-01-01&to=2099-12-31&granularity=day              | from
			national      | from=2020-01-01&to=2099-12-31&granularity=day              | to
			localities/01 | from=0001-01-01&to=9999-12-31&granularity=month            | from
			targets       | from=2025-01-01&to=+50000-01-01                            | to
			services/P06-03 | from=2021-01-01&to=2025-01-01&granularity=day            | to
			""")
	void unboundedQuestions_are400ProblemsAtOnce(String endpoint, String query, String field) throws Exception {
		this.mvc.perform(get("/api/v1/metrics/" + endpoint + "?" + query))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:invalid-parameter"))
			.andExpect(jsonPath("$.field").value(field));
	}

	@Test
	void threeYearsOfDays_andTheWholeEraOfMonths_areAnswered() throws Exception {
		this.mvc.perform(get("/api/v1/metrics/national?from=2023-01-01&to=2025-12-31&granularity=day"))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/metrics/national?from=2020-01-01&to=2099-12-31&granularity=month"))
			.andExpect(status().isOk());
	}

	@Test
	void emptyFilters_meanNoFilter() throws Exception {
		this.mvc.perform(get("/api/v1/metrics/localities?from=2025-06-01&to=2025-08-31&program=&service="))
			.andExpect(status().isOk());
	}

	@Test
	void whileStoresRestore_theAnswerIs503WithRetryAfter() throws Exception {
		given(this.rollups.between(any(), any(), any())).willThrow(mock(FiguresNotReadyException.class));
		this.mvc.perform(get("/api/v1/metrics/localities"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void theSameQuestion_isAnsweredFromMemory_untilTheRollupsChange() throws Exception {
		String ranking = "/api/v1/metrics/localities?from=2025-06-01&to=2025-08-31&granularity=month";
		given(this.rollups.changes()).willReturn(7L);
		this.mvc.perform(get(ranking)).andExpect(jsonPath("$.national.volume").value(47));
		this.mvc.perform(get(ranking)).andExpect(jsonPath("$.national.volume").value(47));
		verify(this.rollups, times(1)).between(eq(Granularity.MONTH), any(), any());

		// Hà Nội's August part grows by 10: the global tables changed, so the kept answer no longer holds
		given(this.rollups.between(eq(Granularity.MONTH), any(), any())).willReturn(List.of(
				entry("2025-06", "02", 3, 1), entry("2025-06", "08", 2, 2), entry("2025-08", "08", 2, 2),
				entry("2025-08", "01", 50, 30)));
		given(this.rollups.changes()).willReturn(8L);
		this.mvc.perform(get(ranking)).andExpect(jsonPath("$.national.volume").value(57));
		verify(this.rollups, times(2)).between(eq(Granularity.MONTH), any(), any());

		// another question is answered on its own, not with the ranking's answer
		this.mvc.perform(get("/api/v1/metrics/localities/08?from=2025-06-01&to=2025-08-31"))
			.andExpect(jsonPath("$.locality.volume").value(7));
	}

	@Test
	void aKeptAnswer_isNotServedWhileTheStoresAreNot() throws Exception {
		this.mvc.perform(get("/api/v1/metrics/localities")).andExpect(status().isOk());
		given(this.rollups.changes()).willThrow(mock(FiguresNotReadyException.class));
		this.mvc.perform(get("/api/v1/metrics/localities")).andExpect(status().isServiceUnavailable());
	}

	private static Entry entry(String month, String locality, int received, int online) {
		Counts counts = Counts.NONE;
		for (int i = 0; i < received; i++) {
			counts = counts.add(Counts.of(Milestones.received(locality, "P06-03", locality + "-" + i,
					month + "-15T09:00:00+07:00", (i < online) ? Channel.ONLINE : Channel.IN_PERSON)));
		}
		return new Entry(new RollupKey(Granularity.MONTH, month, locality, "P06-03"), counts);
	}

	/** Every request is the committee's, who reads the figures. */
	private static MockHttpServletRequestBuilder get(String path, Object... variables) {
		return MockMvcRequestBuilders.get(path, variables)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.COMMITTEE));
	}

	/** The real clock: the figures asked of here are of past days. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Today {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
