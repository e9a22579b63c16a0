package vn.dvcpulse.tracker;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.dvcpulse.access.Role;
import vn.dvcpulse.contract.Topic;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.catalog.CatalogFeed;
import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;
import vn.dvcpulse.contract.milestone.MilestoneType;
import vn.dvcpulse.testsupport.TestCatalog;
import vn.dvcpulse.testsupport.TestKafkaBroker;
import vn.dvcpulse.testsupport.TestTokens;
import vn.dvcpulse.tracker.stream.RunningApplicationStores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The tracker against a real broker: what is posted is on the topic, and each application is received once. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"spring.kafka.streams.application-id=tracker-flow-tests",
		// a fresh state directory: one left by an earlier run against another broker does not fit this one
		"spring.kafka.streams.state-dir=target/kafka-streams/${random.uuid}" })
class TrackerFlowTests {

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String brokers;

	@Autowired
	CatalogFeed catalog;

	@Autowired
	StreamsBuilderFactoryBean streams;

	@Autowired
	RunningApplicationStores running;

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	static void publishTheCatalog() {
		TestCatalog.publish(System.getProperty(TestKafkaBroker.BROKERS_PROPERTY));
	}

	@BeforeEach
	void catalogIsRead() {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.catalog.get().isKnownService("P06-03"));
	}

	@Test
	void postedEvent_isOnTheSubmissionsTopic_andRepostingReceivesItOnce() throws Exception {
		String applicationId = "HN-" + UUID.randomUUID();
		String body = submitted(applicationId + "-s", applicationId, "01", "ONLINE", "2025-03-01T08:30:00+07:00");

		assertThat(post("/api/v1/events", "application/json", body).statusCode()).isEqualTo(202);
		assertThat(post("/api/v1/events", "application/json", body).statusCode()).isIn(200, 202);

		try (Consumer<String, ApplicationEvent> submissions = consumer(Topics.SUBMISSIONS);
				Consumer<String, ApplicationMilestone> milestones = consumer(Topics.MILESTONES)) {
			assertThat(readFor(submissions, "01/" + applicationId, 1)).extracting(ApplicationEvent::eventId)
				.startsWith(applicationId + "-s");
			assertThat(readFor(milestones, "01/" + applicationId, 1)).singleElement().satisfies((milestone) -> {
				assertThat(milestone.type()).isEqualTo(MilestoneType.RECEIVED);
				assertThat(milestone.sourceEventId()).isEqualTo(applicationId + "-s");
			});
		}
		// once the tracker has it, the same post says it is a duplicate
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			HttpResponse<String> again = post("/api/v1/events", "application/json", body);
			assertThat(again.statusCode()).isEqualTo(200);
			assertThat(this.json.readTree(again.body()).get("duplicate").asBoolean()).isTrue();
		});
		JsonNode application = get("/api/v1/applications/01/" + applicationId);
		assertThat(application.get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(application.get("events")).hasSize(1);
		// and the key's partition lends its store while its lifecycle runs, holding the event: where the door reads
		// (RunningApplicationStores), instead of resolving the store through Kafka Streams at each event
		int partition = this.streams.getKafkaStreams()
			.queryMetadataForKey("applications", "01/" + applicationId, Topics.SUBMISSIONS.keySerde().serializer())
			.partition();
		assertThat(this.running.of(partition)).hasValueSatisfying(
				(store) -> assertThat(store.get("01/" + applicationId).event(applicationId + "-s")).isPresent());
	}

	@Test
	void theDoorFindsEachApplicationInItsPartitionsStore_theOneTheProducerChose() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String applicationId = "PART-" + run + "-" + i;
			assertThat(post("/api/v1/events", "application/json",
					submitted(applicationId + "-s", applicationId, "01", "ONLINE", "2025-03-01T08:30:00+07:00"))
				.statusCode()).isEqualTo(202);
			keys.add("01/" + applicationId);
		}
		Map<String, Integer> partitionOf = new HashMap<>();
		try (Consumer<String, ApplicationEvent> submissions = consumer(Topics.SUBMISSIONS)) {
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				submissions.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (keys.contains(record.key())) {
						partitionOf.put(record.key(), record.partition());
					}
				});
				return partitionOf.size() == keys.size();
			});
		}
		assertThat(new HashSet<>(partitionOf.values())).as("spread over partitions").hasSizeGreaterThan(1);
		KafkaStreams client = this.streams.getKafkaStreams();
		// the lifecycle's store of applications; without the instance's endpoint no partition would be told
		assertThat(keys).allSatisfy((key) -> assertThat(client
			.queryMetadataForKey("applications", key, Topics.SUBMISSIONS.keySerde().serializer())
			.partition()).as(key).isEqualTo(partitionOf.get(key)));
	}

	@Test
	void anOversizedBodySentWithoutALength_isRefusedAsItIsRead() throws Exception {
		String large = submitted("big-s", "BIG-1", "01", "ONLINE", "2025-03-01T08:30:00+07:00")
			.replace("\"channel\"", "\"citizenRef\":\"" + "x".repeat(70_000) + "\",\"channel\"");
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/api/v1/events"))
			.header("Content-Type", "application/json")
			.header("Authorization", Submitters.tokenFor(large))
			// a stream of unknown length goes out chunked, with no Content-Length to refuse it by
			.POST(HttpRequest.BodyPublishers.ofInputStream(
					() -> new java.io.ByteArrayInputStream(large.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("urn:dvc-pulse:problem:body-too-large");
	}

	@Test
	void batch_withGoodAndBadItems_acceptsTheGood_andTheLifecycleRejectsTheConflictIntoTheFeed() throws Exception {
		String applicationId = "HCM-" + UUID.randomUUID();
		String batch = "[" + String.join(",",
				submitted(applicationId + "-s", applicationId, "79", "ONLINE", "2025-08-01T08:00:00+07:00"),
				submitted(applicationId + "-s2", applicationId, "79", "POSTAL", "2025-08-01T09:00:00+07:00"),
				submitted("bad-1", "X-1", "79", "ONLINE", "2025-08-01T09:00:00+07:00").replace("P06-03", "P06-99"),
				"{\"eventId\":\"bad-2\"}") + "]";

		JsonNode result = this.json.readTree(post("/api/v1/events:batch", "application/json", batch).body());

		assertThat(result.get("accepted").asInt()).isEqualTo(2);
		assertThat(result.get("rejected").asInt()).isEqualTo(2);
		assertThat(result.get("items").get(3).get("problem").get("type").asString())
			.isEqualTo("urn:dvc-pulse:problem:missing-field");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode feed = get("/api/v1/rejections?locality=79");
			assertThat(feed.get("rejections").findValuesAsString("eventId")).contains(applicationId + "-s2");
		});
		JsonNode application = get("/api/v1/applications/79/" + applicationId);
		assertThat(application.get("events").findValuesAsString("disposition")).containsExactly("COUNTED", "REJECTED");
	}

	@Test
	void aSubmitterOf01_postingFor79_isRefused_singleBatchItemAndImportLine_andNothingIsProduced() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String own = submitted("own-" + run, "OWN-" + run, "01", "ONLINE", "2025-03-01T08:30:00+07:00");
		String foreign = submitted("far-" + run, "FAR-" + run, "79", "ONLINE", "2025-03-01T08:30:00+07:00");
		String foreignInBatch = foreign.replace("far-", "far-b-").replace("FAR-", "FAR-B-");
		String foreignLine = foreign.replace("far-", "far-i-").replace("FAR-", "FAR-I-");
		String asSubmitterOf01 = TestTokens.bearer(Role.SUBMITTER, "01");

		HttpResponse<String> single = send("/api/v1/events", "application/json", foreign, asSubmitterOf01);
		assertThat(single.statusCode()).isEqualTo(403);
		assertThat(this.json.readTree(single.body()).get("type").asString()).isEqualTo("urn:dvc-pulse:problem:forbidden");

		HttpResponse<String> batch = send("/api/v1/events:batch", "application/json",
				"[" + own.replace("own-", "own-b-").replace("OWN-", "OWN-B-") + "," + foreignInBatch + "]",
				asSubmitterOf01);
		assertThat(batch.statusCode()).as(batch.body()).isEqualTo(403);
		assertThat(batch.body()).contains("[1]");

		HttpResponse<String> imported = send("/api/v1/events:import", "application/x-ndjson",
				own.replace("\n", "") + "\n" + foreignLine.replace("\n", "") + "\n", asSubmitterOf01);
		assertThat(imported.statusCode()).isEqualTo(200);
		JsonNode summary = this.json.readTree(imported.body());
		assertThat(summary.get("accepted").asLong()).isEqualTo(1);
		assertThat(summary.get("rejected").asLong()).isEqualTo(1);
		assertThat(summary.toString()).contains("urn:dvc-pulse:problem:forbidden").contains("403");

		try (Consumer<String, ApplicationEvent> submissions = consumer(Topics.SUBMISSIONS)) {
			List<String> seen = new ArrayList<>();
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				// by key, which every record has (the dead-letter test's poison has no event)
				submissions.poll(Duration.ofMillis(500)).forEach((record) -> seen.add(applicationIdOf(record)));
				return seen.contains("OWN-" + run);
			});
			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> {
				submissions.poll(Duration.ofMillis(200)).forEach((record) -> seen.add(applicationIdOf(record)));
				return true;
			});
			// the batch's own item was refused with the foreign one: a batch is taken whole or not at all here
			assertThat(seen).doesNotContain("FAR-" + run, "FAR-B-" + run, "FAR-I-" + run, "OWN-B-" + run);
		}
	}

	@Test
	void aSubmitterReadsItsOwnLocalityOnly_anOperatorReadsAll() throws Exception {
		assertThat(send("/api/v1/rejections?locality=79", null, null, TestTokens.bearer(Role.SUBMITTER, "01"))
			.statusCode()).isEqualTo(403);
		assertThat(send("/api/v1/applications/79/X-1", null, null, TestTokens.bearer(Role.SUBMITTER, "01"))
			.statusCode()).isEqualTo(403);
		assertThat(send("/api/v1/rejections?locality=01", null, null, TestTokens.bearer(Role.SUBMITTER, "01"))
			.statusCode()).isEqualTo(200);
		assertThat(send("/api/v1/rejections?locality=79", null, null, TestTokens.bearer(Role.OPERATOR))
			.statusCode()).isEqualTo(200);
		assertThat(send("/api/v1/rejections?locality=79", null, null, null).statusCode()).isEqualTo(401);
		assertThat(send("/api/v1/rejections?locality=79", null, null, TestTokens.bearer(Role.COMMITTEE))
			.statusCode()).isEqualTo(403);
	}

	@Test
	void importingAHundredThousandLines_twice_receivesEachApplicationOnce(@TempDir Path folder) throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		int lines = 100_000;
		Path file = folder.resolve("history.ndjson");
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			for (int i = 0; i < lines; i++) {
				String id = "IMP-" + run + "-" + i;
				out.write(submitted(id + "-s", id, "01", (i % 3 == 0) ? "IN_PERSON" : "ONLINE",
						"2025-08-02T10:00:00+07:00").replace("\n", ""));
				out.newLine();
			}
		}

		JsonNode first = importFile(file);
		assertThat(first.get("lines").asLong()).isEqualTo(lines);
		assertThat(first.get("accepted").asLong()).isEqualTo(lines);
		assertThat(first.get("rejected").asLong()).isZero();
		Set<String> received = new HashSet<>();
		try (Consumer<String, ApplicationMilestone> milestones = consumer(Topics.MILESTONES)) {
			await().atMost(Duration.ofSeconds(120)).until(() -> {
				milestones.poll(Duration.ofMillis(500)).forEach((record) -> {
					if (record.value().applicationId().startsWith("IMP-" + run)) {
						assertThat(received.add(record.key())).as("received once: %s", record.key()).isTrue();
					}
				});
				return received.size() == lines;
			});

			JsonNode second = importFile(file);
			assertThat(second.get("duplicates").asLong() + second.get("accepted").asLong()).isEqualTo(lines);
			assertThat(second.get("duplicates").asLong()).isEqualTo(lines);
			await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> milestones
				.poll(Duration.ofMillis(200))
				.forEach((record) -> assertThat(record.value().applicationId()).doesNotStartWith("IMP-" + run)));
		}
	}

	@Test
	void poisonOversizedAndUnwritableRecords_writtenPastTheDoor_areDeadLetters_andTheLifecycleGoesOn()
			throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String unwritable = submitted("uw-" + run, "UW-" + run, "01", "ONLINE", "2025-03-01T08:30:00+07:00")
			.replace("\"type\":\"SUBMITTED\"", "\"type\":\"DIGITIZED\",\"digitizedComponents\":[\"scan\\ud800\"]");
		String oversized = submitted("big-" + run, "BIG-" + run, "01", "ONLINE", "2025-03-01T08:30:00+07:00")
			.replace("\"channel\"", "\"reason\":\"" + "x".repeat(200_000) + "\",\"channel\"");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(Topics.SUBMISSIONS.name(), "01/PO-" + run, "{not json")).get();
			producer.send(new ProducerRecord<>(Topics.SUBMISSIONS.name(), "01/BIG-" + run, oversized)).get();
			producer.send(new ProducerRecord<>(Topics.SUBMISSIONS.name(), "01/UW-" + run, unwritable)).get();
		}
		String applicationId = "AFTER-" + run;
		assertThat(post("/api/v1/events", "application/json",
				submitted(applicationId + "-s", applicationId, "01", "ONLINE", "2025-03-01T08:30:00+07:00"))
			.statusCode()).isEqualTo(202);

		try (Consumer<String, ApplicationMilestone> milestones = consumer(Topics.MILESTONES);
				Consumer<byte[], byte[]> deadLetters = new KafkaConsumer<>(Map.of(
						ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers,
						ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
						new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			assertThat(readFor(milestones, "01/" + applicationId, 1)).singleElement()
				.satisfies((milestone) -> assertThat(milestone.type()).isEqualTo(MilestoneType.RECEIVED));
			deadLetters.subscribe(List.of(Topics.DEAD_LETTERS.name()));
			Map<String, String> origin = new HashMap<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				deadLetters.poll(Duration.ofMillis(200)).forEach((letter) -> {
					String key = new String(letter.key(), StandardCharsets.UTF_8);
					if (key.endsWith(run)) {
						origin.put(key, new String(letter.headers().lastHeader("kafka_dlt-original-topic").value(),
								StandardCharsets.UTF_8));
					}
				});
				return origin.size() == 3;
			});
			assertThat(origin).containsOnlyKeys("01/PO-" + run, "01/BIG-" + run, "01/UW-" + run)
				.allSatisfy((key, topic) -> assertThat(topic).isEqualTo(Topics.SUBMISSIONS.name()));
		}
		assertThat(this.streams.getKafkaStreams().state()).isEqualTo(KafkaStreams.State.RUNNING);
	}

	private static String applicationIdOf(ConsumerRecord<String, ?> record) {
		return record.key().substring(record.key().indexOf('/') + 1);
	}

	private JsonNode importFile(Path file) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/api/v1/events:import"))
			.header("Content-Type", "application/x-ndjson")
			.header("Authorization", Submitters.tokenFor(Files.readString(file)))
			.POST(HttpRequest.BodyPublishers.ofFile(file))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	static String submitted(String eventId, String applicationId, String locality, String channel, String at) {
		String level = channel.equals("ONLINE") ? ",\"onlineLevel\":\"PARTIAL\"" : "";
		return """
				{"eventId":"%s","type":"SUBMITTED","applicationId":"%s","localityCode":"%s",
				 "serviceCode":"P06-03","occurredAt":"%s","channel":"%s"%s}
				""".formatted(eventId, applicationId, locality, at, channel, level).strip();
	}

	private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", contentType)
			.header("Authorization", Submitters.tokenFor(body))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(uri(path)).header("Authorization", TestTokens.bearer(Role.OPERATOR)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/** Reads the topic until {@code expected} records of the key arrived, then a little longer for extras. */
	private static <V> List<V> readFor(Consumer<String, V> consumer, String key, int expected) {
		List<V> values = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
				if (record.key().equals(key)) {
					values.add(record.value());
				}
			}
			return values.size() >= expected;
		});
		consumer.poll(Duration.ofSeconds(1)).forEach((record) -> {
			if (record.key().equals(key)) {
				values.add(record.value());
			}
		});
		return values;
	}

	private <V> Consumer<String, V> consumer(Topic<String, V> topic) {
		Consumer<String, V> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
				// a record no test wrote well (the dead-letter test's poison) reads as null, not as a failed poll
				topic.keySerde().deserializer(), new ErrorHandlingDeserializer<>(topic.valueSerde().deserializer()));
		consumer.subscribe(List.of(topic.name()));
		return consumer;
	}

	/** A POST with a body, or a GET without one, with the given Authorization (none when {@code null}). */
	private HttpResponse<String> send(String path, String contentType, String body, String authorization)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (body != null) {
			request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
