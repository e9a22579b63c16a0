package vn.dvcpulse.tracker.web;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvcpulse.access.Role;
import vn.dvcpulse.contract.catalog.CatalogFeed;
import vn.dvcpulse.testsupport.TestCatalog;
import vn.dvcpulse.testsupport.TestTokens;
import vn.dvcpulse.tracker.ingest.SubmissionLog;
import vn.dvcpulse.tracker.stream.TrackerQueries;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A submitter pages through its own locality's rejections only, whatever cursor or time it sends. */
@WebMvcTest(RejectionResource.class)
@Import(IngestSliceConfiguration.class)
class RejectionResourceTests {

	@MockitoBean
	CatalogFeed catalog;

	@MockitoBean
	TrackerQueries queries;

	@MockitoBean
	SubmissionLog submissionLog;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void catalogIsTheTestCatalog() {
		given(this.catalog.get()).willReturn(TestCatalog.lookup());
		given(this.catalog.isCaughtUp()).willReturn(true);
	}

	@ParameterizedTest(name = "after={0}")
	@CsvSource(delimiter = '|', textBlock = """
			00/                                    | a cursor before locality 79's range
			01/1754000000000/e-1                   | another locality's cursor
			7/1754000000000/e-1                    | not a cursor
			79                                     | not a cursor
			79/~                                   | past the range
			79/1754000000000/e 1                   | not an eventId
			79/175400000000/e-1                    | twelve digits
			80/1754000000000/e-1                   | the next locality
			""")
	void aCursorOutsideTheCallersLocality_isA400_andReadsNothing(String after, String why) throws Exception {
		this.mvc
			.perform(get("/api/v1/rejections").param("locality", "79").param("after", after)
				.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.SUBMITTER, "79")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:invalid-parameter"))
			.andExpect(jsonPath("$.field").value("after"));
		verifyNoInteractions(this.queries);
	}

	@Test
	void aCursorOfItsOwnRange_isRead() throws Exception {
		given(this.queries.rejections(eq("79"), any(), eq("79/1754000000000/e-1"), anyInt()))
			.willReturn(new TrackerQueries.RejectionPage(List.of(), null));
		this.mvc
			.perform(get("/api/v1/rejections").param("locality", "79").param("after", "79/1754000000000/e-1")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.SUBMITTER, "79")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.count").value(0));
		verify(this.queries).rejections(eq("79"), any(), eq("79/1754000000000/e-1"), eq(100));
	}

	@ParameterizedTest(name = "since={0}")
	@CsvSource({ "+300000000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "2100-01-01T00:00:00Z" })
	void aSinceOutsideTheEra_isA400_notAnOverflow(String since) throws Exception {
		this.mvc
			.perform(get("/api/v1/rejections").param("locality", "79").param("since", since)
				.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.SUBMITTER, "79")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:invalid-parameter"));
		verifyNoInteractions(this.queries);
	}

	@Test
	void anotherLocalitysFeed_isForbidden() throws Exception {
		this.mvc
			.perform(get("/api/v1/rejections").param("locality", "01")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.SUBMITTER, "79")))
			.andExpect(status().isForbidden());
		verifyNoInteractions(this.queries);
	}

}
