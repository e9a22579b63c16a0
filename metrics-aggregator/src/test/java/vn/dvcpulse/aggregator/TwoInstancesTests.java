package vn.dvcpulse.aggregator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.dvcpulse.access.Role;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.event.Channel;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;
import vn.dvcpulse.testsupport.TestCatalog;
import vn.dvcpulse.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two aggregator instances of one application id share the milestone partitions between them; each must still
 * answer every query with all the figures, read from the global tables of the rollups.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTests {

	private static final int APPLICATIONS_PER_LOCALITY = 60;

	private static final List<String> LOCALITIES = List.of("01", "79", "02", "08");

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private String brokers;

	@BeforeAll
	void startTwoInstances(@TempDir Path stateDirs) {
		this.brokers = System.getProperty("spring.embedded.kafka.brokers");
		TestCatalog.publish(this.brokers);
		for (String name : List.of("first", "second")) {
			// arguments, as application.yml would win over default properties
			this.instances.add(new SpringApplicationBuilder(MetricsAggregatorApplication.class).run(
					"--spring.kafka.bootstrap-servers=" + this.brokers,
					"--spring.kafka.streams.application-id=aggregator-two-instances-tests",
					"--spring.kafka.streams.state-dir=" + stateDirs.resolve(name), "--server.port=0",
					"--management.server.port=0",
					"--server.address=127.0.0.1"));
		}
	}

	@AfterAll
	void stopInstances() {
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void eachInstanceCountsItsOwnPartitions_andEitherAnswersWithAllTheFigures() {
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			Set<TopicPartition> first = milestonePartitions(this.instances.get(0));
			Set<TopicPartition> second = milestonePartitions(this.instances.get(1));
			assertThat(second).isNotEmpty();
			assertThat(first).isNotEmpty().doesNotContainAnyElementsOf(second);
			assertThat(first.size() + second.size()).isEqualTo(Topics.MILESTONES.partitions());
		});

		int online = 0;
		try (KafkaProducer<String, ApplicationMilestone> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers),
				Topics.MILESTONES.keySerde().serializer(), Topics.MILESTONES.valueSerde().serializer())) {
			for (String locality : LOCALITIES) {
				// Hà Giang (02) only existed until the merger: its receipts are of June
				String day = locality.equals("02") ? "2025-06-10" : "2025-08-04";
				for (int i = 0; i < APPLICATIONS_PER_LOCALITY; i++) {
					Channel channel = (i % 3 == 0) ? Channel.IN_PERSON : Channel.ONLINE;
					online += (channel == Channel.ONLINE) ? 1 : 0;
					ApplicationMilestone receipt = Milestones.received(locality, "P06-03", locality + "-" + i,
							day + "T09:00:00+07:00", channel);
					producer.send(new ProducerRecord<>(Topics.MILESTONES.name(), Milestones.key(receipt), receipt));
				}
			}
		}

		int received = LOCALITIES.size() * APPLICATIONS_PER_LOCALITY;
		int receivedOnline = online;
		for (ConfigurableApplicationContext instance : this.instances) {
			await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
				JsonNode report = get(instance, "/api/v1/metrics/localities?from=2025-01-01&to=2025-12-31");
				assertThat(report.at("/national/onlineSubmission/denominator").asLong()).isEqualTo(received);
				assertThat(report.at("/national/onlineSubmission/numerator").asLong()).isEqualTo(receivedOnline);
				Set<String> localities = new TreeSet<>();
				report.get("localities").forEach((locality) -> {
					localities.add(locality.get("localityCode").asString());
					long expected = locality.get("localityCode").asString().equals("08")
							? 2 * APPLICATIONS_PER_LOCALITY : APPLICATIONS_PER_LOCALITY;
					assertThat(locality.get("volume").asLong()).isEqualTo(expected);
				});
				assertThat(localities).containsExactly("01", "08", "79");
			});
		}
	}

	private static Set<TopicPartition> milestonePartitions(ConfigurableApplicationContext instance) {
		KafkaStreams streams = instance.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
		Set<TopicPartition> partitions = new TreeSet<>(
				(a, b) -> Integer.compare(a.partition(), b.partition()));
		for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
			for (TaskMetadata task : thread.activeTasks()) {
				task.topicPartitions()
					.stream()
					.filter((partition) -> partition.topic().equals(Topics.MILESTONES.name()))
					.forEach(partitions::add);
			}
		}
		return partitions;
	}

	private JsonNode get(ConfigurableApplicationContext instance, String path) throws Exception {
		int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
					.header("Authorization", TestTokens.bearer(Role.COMMITTEE))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

}
