package vn.dvcpulse.tracker.web;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.dvcpulse.contract.catalog.CatalogFeed;
import vn.dvcpulse.testsupport.TestCatalog;
import vn.dvcpulse.tracker.Submitters;
import vn.dvcpulse.tracker.ingest.SubmissionLog;
import vn.dvcpulse.tracker.stream.TrackerQueries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mockingDetails;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Any bytes posted to the door, as a single event, a batch or an import, are answered {@code 2xx} or with a problem
 * {@code 4xx}, never an exception or a {@code 5xx}; a refused single event appends nothing, and a batch or an import
 * appends only the items it answers as accepted. In {@code ./mvnw verify} it runs over the committed inputs in
 * {@code src/test/resources/vn/dvcpulse/tracker/web/DoorFuzzTestsInputs}; with {@code JAZZER_FUZZ=1} Jazzer
 * fuzzes one of them, guided by coverage, for five minutes a run (README).
 */
@WebMvcTest(EventResource.class)
@Import(IngestSliceConfiguration.class)
class DoorFuzzTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@MockitoBean
	CatalogFeed catalog;

	@MockitoBean
	TrackerQueries queries;

	@MockitoBean
	SubmissionLog submissionLog;

	@Autowired
	MockMvc mvc;

	@FuzzTest(maxDuration = "5m")
	void anyBytesAsOneEvent_areAcceptedOrAProblem(byte[] body) throws Exception {
		MockHttpServletResponse response = postAs("/api/v1/events", MediaType.APPLICATION_JSON_VALUE, body);
		assertAnsweredWell(response);
		if (response.getStatus() >= 400) {
			assertThat(appends()).as("a refused event appends nothing").isZero();
		}
	}

	@FuzzTest(maxDuration = "5m")
	void anyBytesAsABatch_areAnsweredItemByItemOrAProblem(byte[] body) throws Exception {
		MockHttpServletResponse response = postAs("/api/v1/events:batch", MediaType.APPLICATION_JSON_VALUE, body);
		assertAnsweredWell(response);
		assertThat(appends()).isEqualTo(response.getStatus() == 200 ? accepted(response) : 0);
	}

	@FuzzTest(maxDuration = "5m")
	void anyBytesAsAnImport_areSummedUpLineByLineOrAProblem(byte[] body) throws Exception {
		MockHttpServletResponse response = postAs("/api/v1/events:import", "application/x-ndjson", body);
		assertAnsweredWell(response);
		assertThat(appends()).isEqualTo(response.getStatus() == 200 ? accepted(response) : 0);
	}

	private MockHttpServletResponse postAs(String path, String contentType, byte[] body) throws Exception {
		// the fuzzer runs many inputs on the same mocks: stubbed once (the will-style way, which calls nothing), and
		// what they recorded is forgotten at each input
		if (mockingDetails(this.submissionLog).getStubbings().isEmpty()) {
			willReturn(TestCatalog.lookup()).given(this.catalog).get();
			willReturn(true).given(this.catalog).isCaughtUp();
			willReturn(Optional.empty()).given(this.queries).application(any(), any());
			willReturn(CompletableFuture.completedFuture(Instant.EPOCH)).given(this.submissionLog).appendAsync(any());
			willReturn(Instant.EPOCH).given(this.submissionLog).append(any());
			willAnswer((call) -> call.getArgument(0, CompletableFuture.class).join()).given(this.submissionLog)
				.await(any());
		}
		clearInvocations(this.catalog, this.queries, this.submissionLog);
		return this.mvc
			.perform(post(path).with(Submitters.ofItsLocality()).contentType(contentType).content(body))
			.andReturn()
			.getResponse();
	}

	private static void assertAnsweredWell(MockHttpServletResponse response) throws Exception {
		int status = response.getStatus();
		assertThat(status).as(response.getContentAsString()).isBetween(200, 499);
		if (status >= 400) {
			assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			JsonNode problem = JSON.readTree(response.getContentAsByteArray());
			assertThat(problem.get("type").asString()).startsWith("urn:dvc-pulse:problem:");
			assertThat(problem.get("status").asInt()).isEqualTo(status);
		}
	}

	private long appends() {
		return mockingDetails(this.submissionLog).getInvocations()
			.stream()
			.filter((call) -> call.getMethod().getName().startsWith("append"))
			.count();
	}

	private static long accepted(MockHttpServletResponse response) throws Exception {
		return JSON.readTree(response.getContentAsByteArray()).get("accepted").asLong();
	}

}
