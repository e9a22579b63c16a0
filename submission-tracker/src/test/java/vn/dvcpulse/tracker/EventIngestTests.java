package vn.dvcpulse.tracker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.dvcpulse.contract.Topic;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.catalog.CatalogFeed;
import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;
import vn.dvcpulse.contract.milestone.MilestoneType;
import vn.dvcpulse.testsupport.TestCatalog;
import vn.dvcpulse.testsupport.TestKafkaBroker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The tracker against a real broker: a posted event is on the submissions topic, and received once. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"spring.kafka.streams.application-id=tracker-ingest-tests" })
class EventIngestTests {

	@LocalServerPort
	int port;

	@Autowired
	org.springframework.core.env.Environment environment;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void publishTheCatalog() {
		TestCatalog.publish(System.getProperty(TestKafkaBroker.BROKERS_PROPERTY));
	}

	@Autowired
	CatalogFeed catalog;

	@Test
	void postedEvent_isOnTheSubmissionsTopic_andRepostingReceivesItOnce() throws Exception {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.catalog.get().isKnownService("P06-03"));
		String applicationId = "HN-" + UUID.randomUUID();
		String body = """
				{"eventId":"%s-s","type":"SUBMITTED","applicationId":"%s","localityCode":"01",
				 "serviceCode":"P06-03","occurredAt":"2025-03-01T08:30:00+07:00","channel":"ONLINE",
				 "onlineLevel":"PARTIAL"}
				""".formatted(applicationId, applicationId);

		assertThat(post(body).statusCode()).isEqualTo(202);
		assertThat(post(body).statusCode()).isEqualTo(202);

		try (Consumer<String, ApplicationEvent> submissions = consumer(Topics.SUBMISSIONS);
				Consumer<String, ApplicationMilestone> milestones = consumer(Topics.MILESTONES)) {
			List<ApplicationEvent> events = readFor(submissions, "01/" + applicationId, 2);
			assertThat(events).extracting(ApplicationEvent::eventId).containsExactly(applicationId + "-s",
					applicationId + "-s");

			List<ApplicationMilestone> received = readFor(milestones, "01/" + applicationId, 1);
			assertThat(received).singleElement().satisfies((milestone) -> {
				assertThat(milestone.type()).isEqualTo(MilestoneType.RECEIVED);
				assertThat(milestone.sourceEventId()).isEqualTo(applicationId + "-s");
			});
			// nothing more arrives for it: the second post was a duplicate
			assertThat(readFor(milestones, "01/" + applicationId, 0)).isEmpty();
		}
	}

	private HttpResponse<String> post(String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/events"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
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
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.environment.getProperty("spring.kafka.bootstrap-servers"),
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
				topic.keySerde().deserializer(), topic.valueSerde().deserializer());
		consumer.subscribe(List.of(topic.name()));
		return consumer;
	}

}
