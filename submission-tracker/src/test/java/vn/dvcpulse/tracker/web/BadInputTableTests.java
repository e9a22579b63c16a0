package vn.dvcpulse.tracker.web;

import java.util.Optional;
import java.util.regex.Matcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvcpulse.contract.catalog.CatalogFeed;
import vn.dvcpulse.testsupport.TestCatalog;
import vn.dvcpulse.tracker.Submitters;
import vn.dvcpulse.tracker.ingest.SubmissionLog;
import vn.dvcpulse.tracker.stream.TrackerQueries;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every bad input the door must refuse, with the exact status and problem type, and that none of them reaches
 * Kafka. Each row changes one thing of a valid SUBMITTED: {@code field=value} sets a field (raw JSON value),
 * {@code -field} removes it, a row starting with {@code !} is the whole body.
 */
@WebMvcTest(EventResource.class)
@Import(IngestSliceConfiguration.class)
class BadInputTableTests {

	static final String VALID = """
			{"eventId":"e-1","type":"SUBMITTED","applicationId":"A-1","localityCode":"01","serviceCode":"P06-03",\
			"occurredAt":"2025-07-21T08:30:00+07:00","channel":"ONLINE","onlineLevel":"FULL",\
			"dueAt":"2025-07-26T17:00:00+07:00"}""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SubmissionLog submissionLog;

	@MockitoBean
	CatalogFeed catalog;

	@MockitoBean
	TrackerQueries queries;

	@BeforeEach
	void catalogIsTheTestCatalog() {
		given(this.catalog.get()).willReturn(TestCatalog.lookup());
		given(this.catalog.isCaughtUp()).willReturn(true);
		given(this.queries.application(any(), any())).willReturn(Optional.empty());
	}

	@ParameterizedTest(name = "{0}: {1} {2}")
	@CsvSource(delimiter = '|', textBlock = """
			!{"eventId":                                        | 400 | malformed-json
			!not json at all                                    | 400 | malformed-json
			![]                                                 | 400 | malformed-json
			!"a string"                                         | 400 | malformed-json
			-eventId                                            | 400 | missing-field
			eventId=""                                          | 400 | missing-field
			eventId="has spaces"                                | 400 | invalid-field
			eventId=42                                          | 400 | invalid-field
			-type                                               | 400 | missing-field
			type="FAXED"                                        | 400 | invalid-field
			-applicationId                                      | 400 | missing-field
			applicationId="A/1"                                 | 400 | invalid-field
			-localityCode                                       | 400 | missing-field
			localityCode="1"                                    | 400 | invalid-field
			localityCode="99"                                   | 400 | locality-not-in-force
			localityCode="02"                                   | 400 | locality-not-in-force
			-serviceCode                                        | 400 | missing-field
			serviceCode="P06-99"                                | 400 | unknown-service
			-occurredAt                                         | 400 | missing-field
			occurredAt="2025-07-21T08:30:00"                    | 400 | invalid-field
			occurredAt="21/07/2025"                             | 400 | invalid-field
			occurredAt="2025-08-01T10:06:00+07:00"              | 400 | out-of-time-range
			occurredAt="2019-12-31T23:00:00+07:00"              | 400 | out-of-time-range
			-channel                                            | 400 | missing-field
			channel="FAX"                                       | 400 | invalid-field
			-onlineLevel                                        | 400 | missing-field
			onlineLevel="HALF"                                  | 400 | invalid-field
			dueAt="tomorrow"                                    | 400 | invalid-field
			citizenRef="001203004567"                           | 400 | raw-citizen-id
			citizenRef="012345678"                              | 400 | raw-citizen-id
			chanel="ONLINE"                                     | 400 | unknown-field
			amountVnd="a lot"                                   | 400 | invalid-field
			reusedData="yes"                                    | 400 | invalid-field
			satisfaction=9                                      | 400 | invalid-field
			type="RATED"                                        | 400 | missing-field
			type=" RATED"                                       | 400 | invalid-field
			type="RATED\\u0000"                                 | 400 | invalid-field
			type="rated"                                        | 400 | invalid-field
			type=5                                              | 400 | invalid-field
			channel="ONLINE "                                   | 400 | invalid-field
			occurredAt="2025-07-21T08:30:00+07:00\\u0000"       | 400 | invalid-field
			occurredAt=" 2025-07-21T08:30:00+07:00"             | 400 | invalid-field
			dueAt="+300000000-01-01T00:00:00+07:00"             | 400 | out-of-time-range
			dueAt="2019-12-31T08:00:00+07:00"                   | 400 | out-of-time-range
			dueAt="2036-07-26T17:00:00+07:00"                   | 400 | out-of-time-range
			digitizedComponents=["scan\\ud800"]                 | 400 | invalid-field
			digitizedComponents=["scan\\udc00x"]                | 400 | invalid-field
			digitizedComponents=["a\\u0000b"]                   | 400 | invalid-field
			digitizedComponents=[""]                            | 400 | missing-field
			digitizedComponents=[null]                          | 400 | missing-field
			reason="line\\nbreak"                               | 400 | invalid-field
			reason="bell\\u0007"                                | 400 | invalid-field
			reason="c1\\u0085"                                  | 400 | invalid-field
			applicationId="HN\\u0000"                           | 400 | invalid-field
			serviceCode="P06 03"                                | 400 | invalid-field
			citizenRef="079-123-456-789"                        | 400 | raw-citizen-id
			citizenRef=" 001203004567"                          | 400 | raw-citizen-id
			citizenRef="salted-hash-of-someone"                 | 400 | invalid-field
			citizenRef="E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855" | 400 | invalid-field
			amountVnd=-5                                        | 400 | invalid-field
			amountVnd=1.234                                     | 400 | invalid-field
			amountVnd=1e400                                     | 400 | invalid-field
			!{"eventId":"a-1","eventId":"a-2","type":"SUBMITTED"} | 400 | malformed-json
			!null                                               | 400 | malformed-json
			""")
	void badInput_isRefusedWithItsProblem_andReachesNothing(String change, int status, String type) throws Exception {
		this.mvc
			.perform(post("/api/v1/events").with(Submitters.ofItsLocality())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(change)))
			.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:dvc-pulse:problem:" + type))
			.andExpect(jsonPath("$.status").value(status));
		verifyNoInteractions(this.submissionLog);
	}

	/** The valid event with one change applied; a satisfaction is tried on a RATED event, where it belongs. */
	private static String body(String change) {
		if (change.startsWith("!")) {
			return change.substring(1);
		}
		if (change.startsWith("-")) {
			String field = change.substring(1);
			return VALID.replaceFirst(",?\"" + field + "\":(\"[^\"]*\"|[^,}]*)", "").replace("{,", "{");
		}
		String field = change.substring(0, change.indexOf('='));
		String value = change.substring(change.indexOf('=') + 1);
		if (field.equals("satisfaction")) {
			return VALID.replace("\"SUBMITTED\"", "\"RATED\"").replace("}", ",\"satisfaction\":" + value + "}");
		}
		if (VALID.contains("\"" + field + "\":")) {
			return VALID.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}]*)",
					Matcher.quoteReplacement("\"" + field + "\":" + value));
		}
		return VALID.replace("}", ",\"" + field + "\":" + value + "}");
	}
}
