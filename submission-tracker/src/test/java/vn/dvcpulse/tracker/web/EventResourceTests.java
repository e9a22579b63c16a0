package vn.dvcpulse.tracker.web;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

import vn.dvcpulse.access.Role;
import vn.dvcpulse.contract.catalog.CatalogFeed;
import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.testsupport.TestCatalog;
import vn.dvcpulse.testsupport.TestTokens;
import vn.dvcpulse.tracker.Submitters;
import vn.dvcpulse.tracker.domain.ApplicationLife;
import vn.dvcpulse.tracker.domain.ApplicationState;
import vn.dvcpulse.tracker.ingest.IngestUnavailableException;
import vn.dvcpulse.tracker.ingest.SubmissionLog;
import vn.dvcpulse.tracker.stream.TrackerQueries;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(EventResource.class)
@Import(IngestSliceConfiguration.class)
class EventResourceTests {

	static final Instant NOW = IngestSliceConfiguration.NOW;

	@MockitoBean
	CatalogFeed catalog;

	@MockitoBean
	TrackerQueries queries;

	@BeforeEach
	void catalogIsTheTestCatalog_andNoApplicationIsKnown() {
		given(this.catalog.get()).willReturn(TestCatalog.lookup());
		given(this.catalog.isCaughtUp()).willReturn(true);
		given(this.queries.application(any(), any())).willReturn(Optional.empty());
		given(this.submissionLog.appendAsync(any())).willReturn(CompletableFuture.completedFuture(NOW));
		given(this.submissionLog.await(any())).willAnswer((call) -> call.getArgument(0, CompletableFuture.class).join());
	}


	static final String VALID = """
			{"eventId":"hn-2025-000001-s","type":"SUBMITTED","applicationId":"HN-2025-000001",
			 "localityCode":"01","serviceCode":"P06-03","occurredAt":"2025-07-21T08:30:00+07:00",
			 "channel":"ONLINE","onlineLevel":"FULL","dueAt":"2025-07-26T17:00:00+07:00"}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@MockitoBean
	SubmissionLog submissionLog;

	@Test
	void postEvent_acceptedOnceKafkaHasIt() throws Exception {
		given(this.submissionLog.append(any())).willReturn(Instant.parse("2025-03-01T01:30:00.123Z"));

		postEvent(VALID).andExpect(status().isAccepted())
			.andExpect(jsonPath("$.eventId").value("hn-2025-000001-s"))
			.andExpect(jsonPath("$.acceptedAt").value("2025-03-01T01:30:00.123Z"))
			.andExpect(jsonPath("$.duplicate").value(false));
	}

	@Test
	void postEvent_alreadyAccepted_isADuplicate_answeredAsSuch() throws Exception {
		knownApplication(VALID);

		postEvent(VALID).andExpect(status().isOk())
			.andExpect(jsonPath("$.duplicate").value(true))
			.andExpect(jsonPath("$.acceptedAt").value("2025-07-21T01:31:00Z"));
		verify(this.submissionLog, never()).append(any());
	}

	@Test
	void postEvent_reusingAnEventIdForOtherContent_is409() throws Exception {
		knownApplication(VALID);

		postEvent(VALID.replace("\"ONLINE\"", "\"POSTAL\"").replace("\"onlineLevel\":\"FULL\",", ""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:event-id-conflict"));
		verify(this.submissionLog, never()).append(any());
	}

	@Test
	void postEvent_withARawCitizenId_isRefused() throws Exception {
		postEvent(VALID.replace("\"channel\"", "\"citizenRef\":\"001203004567\",\"channel\""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:raw-citizen-id"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(containsString("001203004567"))));
	}

	@Test
	void postEvent_largerThan64KB_is413() throws Exception {
		String large = VALID.replace("\"channel\"", "\"citizenRef\":\"" + "x".repeat(70_000) + "\",\"channel\"");
		postEvent(large).andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:body-too-large"));
		verify(this.submissionLog, never()).append(any());
	}

	@Test
	void batch_judgesEachItemAlone_andAppendsTheValidOnes() throws Exception {
		String second = VALID.replace("hn-2025-000001-s", "hn-2025-000002-s").replace("HN-2025-000001", "HN-2025-000002");
		String batch = "[" + VALID + "," + second.replace("P06-03", "P06-99") + ",{\"eventId\":\"x\",\"type\":\"FAX\"},"
				+ second + "]";

		this.mvc.perform(post("/api/v1/events:batch").contentType(MediaType.APPLICATION_JSON).content(batch))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.rejected").value(2))
			.andExpect(jsonPath("$.items[0].status").value("ACCEPTED"))
			.andExpect(jsonPath("$.items[1].status").value("REJECTED"))
			.andExpect(jsonPath("$.items[1].problem.type").value("urn:dvc-pulse:problem:unknown-service"))
			.andExpect(jsonPath("$.items[2].eventId").value("x"))
			.andExpect(jsonPath("$.items[2].problem.field").value("type"))
			.andExpect(jsonPath("$.items[3].status").value("ACCEPTED"));
		verify(this.submissionLog, times(2)).appendAsync(any());
	}

	@Test
	void batch_ofMoreThanAThousand_is413() throws Exception {
		String batch = "[" + String.join(",", java.util.Collections.nCopies(1001, "{}")) + "]";
		this.mvc.perform(post("/api/v1/events:batch").contentType(MediaType.APPLICATION_JSON).content(batch))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:too-many-items"));
		verify(this.submissionLog, never()).appendAsync(any());
	}

	private void knownApplication(String posted) throws Exception {
		ApplicationEvent event = this.json.readValue(posted, ApplicationEvent.class);
		ApplicationState state = ApplicationLife.apply(ApplicationState.NEW, event,
				Instant.parse("2025-07-21T01:31:00Z")).state();
		given(this.queries.application("01", event.applicationId())).willReturn(Optional.of(state));
	}

	@Test
	void postEvent_withKafkaUnavailable_is503WithRetryAfter() throws Exception {
		given(this.submissionLog.append(any())).willThrow(new IngestUnavailableException("down", null));

		postEvent(VALID).andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:ingest-unavailable"));
	}

	@Test
	void postEvent_withMalformedJson_is400AndReachesNothing() throws Exception {
		postEvent("{\"eventId\": \"x\", ").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:malformed-json"))
			.andExpect(jsonPath("$.status").value(400));
		verify(this.submissionLog, never()).append(any());
	}

	@Test
	void postEvent_withAnArrayInsteadOfAnObject_isMalformed() throws Exception {
		postEvent("[]").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:malformed-json"));
	}

	@ParameterizedTest(name = "without {0}")
	@CsvSource({ "eventId", "type", "applicationId", "localityCode", "serviceCode", "occurredAt" })
	void postEvent_withoutARequiredField_namesTheField(String field) throws Exception {
		String body = VALID.replaceFirst("\"" + field + "\":(\"[^\"]*\"),?", "");
		postEvent(body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:missing-field"))
			.andExpect(jsonPath("$.field").value(field))
			.andExpect(jsonPath("$.detail").value(containsString(field + " is required")));
		verify(this.submissionLog, never()).append(any());
	}

	@Test
	void postSubmitted_withoutChannel_namesChannel() throws Exception {
		postEvent(VALID.replace("\"channel\":\"ONLINE\",", "")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:missing-field"))
			.andExpect(jsonPath("$.field").value("channel"));
	}

	@Test
	void postOnlineSubmitted_withoutLevel_namesOnlineLevel() throws Exception {
		postEvent(VALID.replace("\"onlineLevel\":\"FULL\",", "")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("onlineLevel"));
	}

	@Test
	void postEvent_withUnknownChannel_listsTheChannels() throws Exception {
		postEvent(VALID.replace("\"ONLINE\"", "\"FAX\"")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:invalid-field"))
			.andExpect(jsonPath("$.field").value("channel"))
			.andExpect(jsonPath("$.expected").value("one of ONLINE, IN_PERSON, POSTAL"));
	}

	@Test
	void postEvent_withoutOffsetOnOccurredAt_isInvalid() throws Exception {
		postEvent(VALID.replace("2025-07-21T08:30:00+07:00", "2025-07-21T08:30:00"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:invalid-field"))
			.andExpect(jsonPath("$.field").value("occurredAt"))
			.andExpect(jsonPath("$.expected").value(containsString("ISO-8601")));
	}

	@Test
	void postEvent_withMisspeltField_isRefused() throws Exception {
		postEvent(VALID.replace("\"channel\"", "\"chanel\"")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:unknown-field"))
			.andExpect(jsonPath("$.field").value("chanel"));
	}

	@Test
	void postEvent_withBadLocalityCode_saysWhatIsExpected() throws Exception {
		postEvent(VALID.replace("\"01\"", "\"Hanoi\"")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:invalid-field"))
			.andExpect(jsonPath("$.field").value("localityCode"))
			.andExpect(jsonPath("$.expected").value("a two-digit locality code, e.g. 01"));
	}

	@Test
	void postRated_outsideOneToFive_isInvalid() throws Exception {
		String rated = """
				{"eventId":"r-1","type":"RATED","applicationId":"A-1","localityCode":"01","serviceCode":"P06-03",
				 "occurredAt":"2025-07-21T08:30:00+07:00","satisfaction":6}
				""";
		postEvent(rated).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("satisfaction"));
	}

	@Test
	void postEvent_forAServiceNotInTheCatalog_isUnknownService() throws Exception {
		postEvent(VALID.replace("P06-03", "P06-99")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:unknown-service"))
			.andExpect(jsonPath("$.field").value("serviceCode"));
		verify(this.submissionLog, never()).append(any());
	}

	@Test
	void postEvent_forALocalityNoLongerInForce_isRefused() throws Exception {
		// Hà Giang (02) merged into Tuyên Quang (08) on 2025-07-01
		postEvent(VALID.replace("\"01\"", "\"02\"")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:locality-not-in-force"))
			.andExpect(jsonPath("$.field").value("localityCode"))
			.andExpect(jsonPath("$.expected").value(containsString("in force on 2025-07-21")));
		verify(this.submissionLog, never()).append(any());
	}

	@Test
	void postEvent_forALocalityInForceThen_isAccepted() throws Exception {
		given(this.submissionLog.append(any())).willReturn(NOW);
		postEvent(VALID.replace("\"01\"", "\"02\"").replace("2025-07-21T08:30:00+07:00", "2025-06-30T23:59:00+07:00"))
			.andExpect(status().isAccepted());
	}

	@Test
	void laterStepsOfAnApplication_keepTheCodeItWasReceivedUnder_afterAMerger() throws Exception {
		given(this.submissionLog.append(any())).willReturn(NOW);
		String completed = """
				{"eventId":"hg-1-c","type":"COMPLETED","applicationId":"HG-1","localityCode":"02","serviceCode":"P06-03",
				 "occurredAt":"2025-07-21T08:30:00+07:00","electronicResult":true,"outcome":"APPROVED"}
				""";
		postEvent(completed).andExpect(status().isAccepted());
		postEvent(completed.replace("\"02\"", "\"99\"")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:locality-not-in-force"));
	}

	@Test
	void aSubmitter_postsForItsLocalityAndTheUnitsMergedIntoIt_only() throws Exception {
		given(this.submissionLog.append(any())).willReturn(NOW);
		String haGiang = VALID.replace("\"01\"", "\"02\"").replace("2025-07-21T08:30:00+07:00",
				"2025-06-30T23:59:00+07:00");
		// Tuyên Quang's system backfills Hà Giang's applications under their old code
		this.mvc.perform(MockMvcRequestBuilders.post("/api/v1/events")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.SUBMITTER, "08"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(haGiang)).andExpect(status().isAccepted());
		// Hà Nội's may not
		this.mvc.perform(MockMvcRequestBuilders.post("/api/v1/events")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.SUBMITTER, "01"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(haGiang.replace("e-1", "e-2")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:forbidden"));
		// nor may an operator post at all
		this.mvc.perform(MockMvcRequestBuilders.post("/api/v1/events")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.OPERATOR))
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID.replace("e-1", "e-3")))
			.andExpect(status().isForbidden());
		verify(this.submissionLog, times(1)).append(any());
	}

	@Test
	void postEvent_moreThanFiveMinutesAhead_orBefore2020_isOutOfRange() throws Exception {
		postEvent(VALID.replace("2025-07-21T08:30:00+07:00", "2025-08-01T10:06:00+07:00"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:out-of-time-range"))
			.andExpect(jsonPath("$.field").value("occurredAt"));
		postEvent(VALID.replace("2025-07-21T08:30:00+07:00", "2019-12-31T23:59:00+07:00"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:out-of-time-range"));
		given(this.submissionLog.append(any())).willReturn(NOW);
		postEvent(VALID.replace("2025-07-21T08:30:00+07:00", "2025-08-01T10:04:00+07:00"))
			.andExpect(status().isAccepted());
	}

	@Test
	void postEvent_asText_is415() throws Exception {
		this.mvc.perform(post("/api/v1/events").contentType(MediaType.TEXT_PLAIN).content(VALID))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:unsupported-media-type"));
	}

	private ResultActions postEvent(String body) throws Exception {
		return this.mvc.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	/** A POST by the submitter of the locality the events name. */
	private static MockHttpServletRequestBuilder post(String path) {
		return MockMvcRequestBuilders.post(path).with(Submitters.ofItsLocality());
	}

	@Test
	void anyPost_beforeTheCatalogIsRead_is503WithRetryAfter_andReachesNothing() throws Exception {
		given(this.catalog.isCaughtUp()).willReturn(false);
		postEvent(VALID).andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:ingest-unavailable"));
		this.mvc.perform(post("/api/v1/events:batch").contentType(MediaType.APPLICATION_JSON).content("[" + VALID + "]"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"));
		this.mvc.perform(post("/api/v1/events:import").contentType("application/x-ndjson").content(oneLine(VALID)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"));
		verify(this.submissionLog, never()).appendAsync(any());
		verify(this.submissionLog, never()).append(any());
	}

	@Test
	void batch_withNullAndNonObjectItems_answersEachOfThem400_andAcceptsTheRest() throws Exception {
		this.mvc
			.perform(post("/api/v1/events:batch").contentType(MediaType.APPLICATION_JSON)
				.content("[null," + VALID + ",42,[],\"text\"]"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.rejected").value(4))
			.andExpect(jsonPath("$.items[0].status").value("REJECTED"))
			.andExpect(jsonPath("$.items[0].problem.type").value("urn:dvc-pulse:problem:malformed-json"))
			.andExpect(jsonPath("$.items[0].problem.status").value(400))
			.andExpect(jsonPath("$.items[1].status").value("ACCEPTED"))
			.andExpect(jsonPath("$.items[2].problem.type").value("urn:dvc-pulse:problem:malformed-json"))
			.andExpect(jsonPath("$.items[3].problem.type").value("urn:dvc-pulse:problem:malformed-json"))
			.andExpect(jsonPath("$.items[4].problem.type").value("urn:dvc-pulse:problem:malformed-json"));
		verify(this.submissionLog, times(1)).appendAsync(any());
	}

	@Test
	void batch_withTheSameEventIdTwice_appendsItOnce_theCopyIsADuplicate_otherContentAConflict() throws Exception {
		String other = VALID.replace("\"FULL\"", "\"PARTIAL\"");
		this.mvc
			.perform(post("/api/v1/events:batch").contentType(MediaType.APPLICATION_JSON)
				.content("[" + VALID + "," + VALID + "," + other + "]"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.duplicates").value(1))
			.andExpect(jsonPath("$.rejected").value(1))
			.andExpect(jsonPath("$.items[0].status").value("ACCEPTED"))
			.andExpect(jsonPath("$.items[1].status").value("DUPLICATE"))
			.andExpect(jsonPath("$.items[1].acceptedAt").value(NOW.toString()))
			.andExpect(jsonPath("$.items[2].status").value("REJECTED"))
			.andExpect(jsonPath("$.items[2].problem.type").value("urn:dvc-pulse:problem:event-id-conflict"));
		verify(this.submissionLog, times(1)).appendAsync(any());
	}

	@Test
	void batch_itemsCopyOfAFailedAppend_sharesItsFailure() throws Exception {
		given(this.submissionLog.appendAsync(any())).willReturn(CompletableFuture.failedFuture(new IllegalStateException()));
		willThrow(new IngestUnavailableException("down", null)).given(this.submissionLog).await(any());
		this.mvc
			.perform(post("/api/v1/events:batch").contentType(MediaType.APPLICATION_JSON)
				.content("[" + VALID + "," + VALID + "]"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rejected").value(2))
			.andExpect(jsonPath("$.items[0].problem.type").value("urn:dvc-pulse:problem:ingest-unavailable"))
			.andExpect(jsonPath("$.items[1].problem.type").value("urn:dvc-pulse:problem:ingest-unavailable"));
		verify(this.submissionLog, times(1)).appendAsync(any());
	}

	@Test
	void batch_itemLargerThanAnEvent_isThatItems400() throws Exception {
		String large = VALID.replace("\"channel\"", "\"reason\":\"" + "x".repeat(70_000) + "\",\"channel\"");
		String second = VALID.replace("hn-2025-000001-s", "hn-2025-000002-s").replace("HN-2025-000001", "HN-2025-000002");
		this.mvc
			.perform(post("/api/v1/events:batch").contentType(MediaType.APPLICATION_JSON)
				.content("[" + large + "," + second + "]"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].status").value("REJECTED"))
			.andExpect(jsonPath("$.items[0].problem.field").value("reason"))
			.andExpect(jsonPath("$.items[1].status").value("ACCEPTED"));
		verify(this.submissionLog, times(1)).appendAsync(any());
	}

	@Test
	void import_answersNullAndOverlongLinesByNumber_andGoesOnWithTheRest() throws Exception {
		String second = VALID.replace("hn-2025-000001-s", "hn-2025-000002-s").replace("HN-2025-000001", "HN-2025-000002");
		String tooLong = "{\"eventId\":\"" + "x".repeat(1_500_000) + "\"}";
		String body = String.join("\n", oneLine(VALID), "null", tooLong, "", oneLine(VALID), oneLine(second)) + "\n";
		this.mvc.perform(post("/api/v1/events:import").contentType("application/x-ndjson").content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines").value(6))
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.duplicates").value(1))
			.andExpect(jsonPath("$.rejected").value(2))
			.andExpect(jsonPath("$.firstErrors[0].line").value(2))
			.andExpect(jsonPath("$.firstErrors[0].problem.type").value("urn:dvc-pulse:problem:malformed-json"))
			.andExpect(jsonPath("$.firstErrors[1].line").value(3))
			.andExpect(jsonPath("$.firstErrors[1].problem.type").value("urn:dvc-pulse:problem:body-too-large"))
			.andExpect(jsonPath("$.firstErrors[1].problem.status").value(413));
		verify(this.submissionLog, times(2)).appendAsync(any());
	}

	@Test
	void postEvent_withAWellFormedPseudonym_andTextOfAnyScript_isAccepted() throws Exception {
		String event = VALID.replace("\"channel\"", "\"citizenRef\":\"" + "0123456789abcdef".repeat(4) + "\",\"channel\"");
		postEvent(event).andExpect(status().isAccepted());
		String digitized = VALID.replace("\"SUBMITTED\"", "\"DIGITIZED\"")
			.replace("}", ",\"digitizedComponents\":[\"Tờ khai\",\"ảnh \\ud83d\\udcf7\"]}");
		postEvent(digitized).andExpect(status().isAccepted());
	}

	@Test
	void postDigitized_withTooManyOrTooLongComponents_isRefused() throws Exception {
		String many = VALID.replace("\"SUBMITTED\"", "\"DIGITIZED\"").replace("}", ",\"digitizedComponents\":["
				+ String.join(",", java.util.Collections.nCopies(33, "\"scan\"")) + "]}");
		postEvent(many).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("digitizedComponents"));
		String longOne = VALID.replace("\"SUBMITTED\"", "\"DIGITIZED\"")
			.replace("}", ",\"digitizedComponents\":[\"" + "s".repeat(129) + "\"]}");
		postEvent(longOne).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("digitizedComponents[0]"));
		verify(this.submissionLog, never()).append(any());
	}

	private static String oneLine(String json) {
		return json.replace("\n", "");
	}

}
