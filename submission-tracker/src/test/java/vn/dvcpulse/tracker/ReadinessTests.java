package vn.dvcpulse.tracker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.dvcpulse.testsupport.TestCatalog;
import vn.dvcpulse.testsupport.TestKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness tells the truth: ready once the stream processor runs and the catalog is read, unready as soon as the
 * stream processor is not running; and the actuator answers on the management port only, never the API's.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"spring.kafka.streams.application-id=readiness-tests",
		"spring.kafka.streams.state-dir=target/kafka-streams/${random.uuid}" })
@DirtiesContext
class ReadinessTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	StreamsBuilderFactoryBean streams;

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	static void publishTheCatalog() {
		TestCatalog.publish(System.getProperty(TestKafkaBroker.BROKERS_PROPERTY));
	}

	@Test
	void aStreamProcessorThatStopped_makesTheInstanceUnready() {
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			HttpResponse<String> ready = readiness();
			assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
			JsonNode components = this.json.readTree(ready.body()).get("components");
			assertThat(components.get("kafkaStreams").get("status").asString()).isEqualTo("UP");
			assertThat(components.get("catalog").get("status").asString()).isEqualTo("UP");
		});

		// as when its stream thread died: the client is no longer running
		this.streams.getKafkaStreams().close(Duration.ofSeconds(20));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> unready = readiness();
			assertThat(unready.statusCode()).as(unready.body()).isEqualTo(503);
			assertThat(this.json.readTree(unready.body()).get("components").get("kafkaStreams").get("status")
				.asString()).isEqualTo("DOWN");
		});
	}

	@Test
	void theApiPort_servesNoActuatorEndpoint() throws Exception {
		for (String endpoint : new String[] { "/actuator/prometheus", "/actuator/info", "/actuator/health" }) {
			HttpResponse<String> onApi = get(this.port, endpoint);
			assertThat(onApi.statusCode()).as(endpoint + ": " + onApi.body()).isIn(401, 403, 404);
			assertThat(onApi.body()).doesNotContain("jvm_").doesNotContain("\"status\":\"UP\"");
		}
		assertThat(get(this.managementPort, "/actuator/prometheus").body()).contains("dvc_streams_dead_letters_total");
	}

	private HttpResponse<String> readiness() throws Exception {
		return get(this.managementPort, "/actuator/health/readiness");
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
