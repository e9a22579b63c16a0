package vn.dvcpulse.e2e;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import vn.dvcpulse.access.Role;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.testsupport.TestKafkaBroker;
import vn.dvcpulse.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hostile-input promises through the gateway, as an outsider with ordinary tokens would try them: what the door
 * can judge is refused there as a problem, whatever the spelling; what is written past it (straight to a topic) is a
 * dead letter, and the stream processors go on counting. Đà Nẵng (48) in May 2024 is this test's alone.
 */
class HostileInputEndToEndTests extends ThroughTheGateway {

	static final String MAY_2024 = "/api/v1/metrics/localities?from=2024-05-01&to=2024-05-31&granularity=month";

	@Test
	void recordsWrittenPastTheDoor_areDeadLetters_andTheNextEventIsCounted() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty(TestKafkaBroker.BROKERS_PROPERTY),
						ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(Topics.SUBMISSIONS.name(), "48/P-" + run, "{\"eventId\":")).get();
			producer.send(new ProducerRecord<>(Topics.SUBMISSIONS.name(), "48/U-" + run,
					event("u-" + run, "U-" + run, "DIGITIZED", "\"digitizedComponents\":[\"scan\\ud800\"]"))).get();
			producer.send(new ProducerRecord<>(Topics.SUBMISSIONS.name(), "48/B-" + run,
					event("b-" + run, "B-" + run, "SUBMITTED", "\"channel\":\"IN_PERSON\",\"reason\":\""
							+ "x".repeat(200_000) + "\""))).get();
			producer.send(new ProducerRecord<>(Topics.MILESTONES.name(), "48/M-" + run, "[not a milestone")).get();
		}

		HttpResponse<String> valid = post("/api/v1/events",
				event("v-" + run, "V-" + run, "SUBMITTED", "\"channel\":\"ONLINE\",\"onlineLevel\":\"FULL\""));
		assertThat(valid.statusCode()).as(valid.body()).isEqualTo(202);

		await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			JsonNode danang = locality(get(MAY_2024), "48");
			assertThat(danang).as("Đà Nẵng in May 2024").isNotNull();
			assertThat(danang.get("volume").asLong()).isEqualTo(1);
		});
		// and each record written past the door is a dead letter, naming where it was read
		Map<String, String> origin = new HashMap<>();
		try (KafkaConsumer<String, byte[]> deadLetters = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty(TestKafkaBroker.BROKERS_PROPERTY),
				ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + run, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			deadLetters.subscribe(List.of(Topics.DEAD_LETTERS.name()));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				deadLetters.poll(Duration.ofMillis(200)).forEach((letter) -> {
					if (letter.key() != null && letter.key().endsWith(run)) {
						origin.put(letter.key(), new String(
								letter.headers().lastHeader("kafka_dlt-original-topic").value(), StandardCharsets.UTF_8));
					}
				});
				return origin.size() == 4;
			});
		}
		assertThat(origin).containsEntry("48/P-" + run, Topics.SUBMISSIONS.name())
			.containsEntry("48/U-" + run, Topics.SUBMISSIONS.name())
			.containsEntry("48/B-" + run, Topics.SUBMISSIONS.name())
			.containsEntry("48/M-" + run, Topics.MILESTONES.name());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			a lone surrogate       | "digitizedComponents":["scan\\ud800"]       | invalid-field
			a NUL in an enum       | "outcome":"APPROVED\\u0000"                  | invalid-field
			a spaced enum          | "outcome":" APPROVED"                       | invalid-field
			a duplicate key        | "reason":"a","reason":"b"                   | malformed-json
			a raw citizen id       | "citizenRef":"079-123-456-789"              | raw-citizen-id
			too many components    | "digitizedComponents":[%s]                  | invalid-field
			""")
	void whatTheDoorCanJudge_isRefusedThereAsAProblem(String what, String field, String type) throws Exception {
		String extra = field.contains("%s") ? field.formatted(String.join(",", Collections.nCopies(33, "\"s\"")))
				: field;
		HttpResponse<String> answer = post("/api/v1/events",
				event("h-" + UUID.randomUUID(), "H-1", "DIGITIZED", extra));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
		assertThat(this.json.readTree(answer.body()).get("type").asString())
			.isEqualTo("urn:dvc-pulse:problem:" + type);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "/api/v1/events", "/api/v1/%65vents", "/api/v1/events%3Abatch", "/api/v1/events:%62atch" })
	void everySpellingOfAPath_hasItsHandlersLimit(String path) throws Exception {
		boolean batch = path.contains("atch");
		String body = event("l-" + UUID.randomUUID(), "L-1", "SUBMITTED",
				"\"channel\":\"IN_PERSON\",\"reason\":\"" + "x".repeat(batch ? 6 * 1024 * 1024 : 70_000) + "\"");
		HttpResponse<String> answer = post(path, batch ? "[" + body + "]" : body);
		assertThat(answer.statusCode()).as(path + ": " + answer.body()).isIn(400, 413);
		assertThat(this.json.readTree(answer.body()).get("type").asString()).startsWith("urn:dvc-pulse:problem:");
	}

	@Test
	void aSubmitterCannotPageIntoAnotherLocalitysRejections() throws Exception {
		HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(
				stack.gateway("/api/v1/rejections?locality=48&after=01/1754000000000/e-1"))
			.header("Authorization", TestTokens.bearer(Role.SUBMITTER, "48"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
		assertThat(answer.body()).contains("\"type\":\"urn:dvc-pulse:problem:invalid-parameter\"");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "from=+300000000-01-01&to=+300000000-12-31&granularity=quarter",
			"from=2020-01-01&to=2099-12-31&granularity=day", "from=-5000-01-01&to=2025-01-01" })
	void anUnboundedQuestion_isA400AtOnce(String query) throws Exception {
		HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(
				stack.gateway("/api/v1/metrics/national?" + query))
			.header("Authorization", TestTokens.bearer(Role.COMMITTEE))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
		assertThat(answer.body()).contains("\"type\":\"urn:dvc-pulse:problem:invalid-parameter\"");
	}

	private static JsonNode locality(JsonNode report, String code) {
		for (JsonNode figure : report.get("localities")) {
			if (figure.get("localityCode").asString().equals(code)) {
				return figure;
			}
		}
		return null;
	}

	private static String event(String eventId, String applicationId, String type, String fields) {
		return ("{\"eventId\":\"%s\",\"type\":\"%s\",\"applicationId\":\"%s\",\"localityCode\":\"48\","
				+ "\"serviceCode\":\"P06-03\",\"occurredAt\":\"2024-05-10T09:00:00+07:00\",%s}")
			.formatted(eventId, type, applicationId, fields);
	}

}
