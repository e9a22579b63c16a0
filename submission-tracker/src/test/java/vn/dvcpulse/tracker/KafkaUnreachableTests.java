package vn.dvcpulse.tracker;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.dvcpulse.access.Role;
import vn.dvcpulse.contract.catalog.CatalogFeed;
import vn.dvcpulse.testsupport.TestCatalog;
import vn.dvcpulse.testsupport.TestKafkaBroker;
import vn.dvcpulse.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka unreachable for the ingest producer (its bootstrap is a port where nothing listens; the rest of the tracker
 * uses the real broker): every post answers 503 with Retry-After within 2 seconds, never a false 202, and once the
 * circuit opens, at once. When Kafka comes back on that port, ingest resumes by itself.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"spring.kafka.streams.application-id=tracker-unreachable-tests",
		// a fresh state directory: one left by an earlier run against another broker does not fit this one
		"spring.kafka.streams.state-dir=target/kafka-streams/${random.uuid}" })
class KafkaUnreachableTests {

	/** Where the ingest producer looks for Kafka: nothing listens there until the test brings Kafka back. */
	static int kafkaPort;

	@DynamicPropertySource
	static void producerToNowhere(DynamicPropertyRegistry registry) throws Exception {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			kafkaPort = socket.getLocalPort();
			registry.add("spring.kafka.producer.bootstrap-servers", () -> "127.0.0.1:" + kafkaPort);
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	CatalogFeed catalog;

	@Autowired
	CircuitBreakerRegistry breakers;

	@Autowired
	MeterRegistry meters;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void publishTheCatalog() {
		TestCatalog.publish(System.getProperty(TestKafkaBroker.BROKERS_PROPERTY));
	}

	@Test
	void posts_are503Fast_atOnceWhenTheCircuitOpens_andResumeWhenKafkaIsBack() throws Exception {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.catalog.get().isKnownService("P06-03"));
		CircuitBreaker breaker = this.breakers.circuitBreaker("kafka-ingest");

		for (int i = 0; i < 6; i++) {
			long started = System.nanoTime();
			HttpResponse<String> response = post(i);
			long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();

			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).contains("5");
			assertThat(response.body()).contains("urn:dvc-pulse:problem:ingest-unavailable");
			assertThat(millis).as("answered in %d ms", millis).isLessThan(2000);
		}
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

		long started = System.nanoTime();
		assertThat(post(99).statusCode()).isEqualTo(503);
		assertThat(Duration.ofNanos(System.nanoTime() - started).toMillis()).isLessThan(200);
		assertThat(this.meters.get("dvc.ingest.events").tag("outcome", "rejected")
			.tag("reason", "ingest-unavailable").tag("locality", "01").counter().count()).isEqualTo(7);

		// Kafka comes back: the circuit half-opens after 5 s, and ingest resumes by itself
		try (TcpForwarder kafka = new TcpForwarder(kafkaPort,
				System.getProperty(TestKafkaBroker.BROKERS_PROPERTY).split(",")[0])) {
			kafka.open();
			AtomicInteger next = new AtomicInteger(100);
			// posts are refused at once while the circuit is open; once it half-opens they go through, and their
			// success closes it
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
				post(next.getAndIncrement());
				return breaker.getState() == CircuitBreaker.State.CLOSED;
			});
			assertThat(post(next.getAndIncrement()).statusCode()).isEqualTo(202);
		}
	}

	private HttpResponse<String> post(int n) throws Exception {
		String body = """
				{"eventId":"down-%d","type":"SUBMITTED","applicationId":"DOWN-%d","localityCode":"01",
				 "serviceCode":"P06-03","occurredAt":"2025-08-01T08:00:00+07:00","channel":"IN_PERSON"}
				""".formatted(n, n);
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/events"))
			.header("Content-Type", "application/json")
			.header("Authorization", TestTokens.bearer(Role.SUBMITTER, "01"))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
