package vn.dvcpulse.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.dvcpulse.access.Role;
import vn.dvcpulse.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's routes, each against a stand-in for the service behind it that answers with its own name and
 * the path it was asked for.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@AutoConfigureWebTestClient
class GatewayRoutingTests {

	static final HttpServer tracker = downstream("submission-tracker");

	static final HttpServer catalog = downstream("service-catalog");

	static final HttpServer aggregator = downstream("metrics-aggregator");

	@Autowired
	WebTestClient client;

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void downstreams(DynamicPropertyRegistry registry) {
		registry.add("dvc.services.submission-tracker", () -> uri(tracker));
		registry.add("dvc.services.service-catalog", () -> uri(catalog));
		registry.add("dvc.services.metrics-aggregator", () -> uri(aggregator));
	}

	@AfterAll
	static void stopDownstreams() {
		tracker.stop(0);
		catalog.stop(0);
		aggregator.stop(0);
	}

	@ParameterizedTest(name = "{0} {1} as {3} goes to {2}")
	@CsvSource({ "POST, /api/v1/events, submission-tracker, SUBMITTER",
			"POST, /api/v1/events:batch, submission-tracker, SUBMITTER",
			"POST, /api/v1/events:import, submission-tracker, SUBMITTER",
			"GET, /api/v1/applications/01/HN-1, submission-tracker, SUBMITTER",
			"GET, /api/v1/rejections?locality=01, submission-tracker, OPERATOR",
			"GET, /api/v1/catalog/services, service-catalog, COMMITTEE",
			"GET, /api/v1/catalog/localities?at=2025-06-30, service-catalog, SUBMITTER",
			"PUT, /api/v1/catalog/services/Q422-19, service-catalog, CATALOG_ADMIN",
			"GET, /api/v1/metrics/localities, metrics-aggregator, COMMITTEE" })
	void requests_reachTheirService_withPathQueryAndTokenIntact(String method, String path, String service,
			Role role) {
		String token = TestTokens.bearer(role);
		this.client.method(org.springframework.http.HttpMethod.valueOf(method))
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo(service + " " + method + " " + path + " with " + token);
	}

	@Test
	void aRequestId_isKeptWhenSensible_madeWhenNot_andPassedDownstream() {
		this.client.get()
			.uri("/api/v1/catalog/services")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.OPERATOR))
			.exchange()
			.expectHeader()
			.values(RequestIds.HEADER, (ids) -> assertThat(ids).hasSize(1));
		this.client.get()
			.uri("/api/v1/catalog/services")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.OPERATOR))
			.header(RequestIds.HEADER, "hn-2025-000042")
			.exchange()
			.expectHeader()
			.valueEquals(RequestIds.HEADER, "hn-2025-000042")
			.expectHeader()
			.valueEquals("X-Seen-Request-Id", "hn-2025-000042");
		this.client.get()
			.uri("/api/v1/catalog/services")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.OPERATOR))
			.header(RequestIds.HEADER, "<script>")
			.exchange()
			.expectHeader()
			.value(RequestIds.HEADER, (id) -> assertThat(id).matches("[0-9a-f-]{36}"));
		// a refused request has one too
		this.client.get()
			.uri("/api/v1/catalog/services")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.exists(RequestIds.HEADER);
	}

	@Test
	void unroutedPath_isRefused() {
		this.client.get()
			.uri("/api/v1/elsewhere")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.OPERATOR))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void onlyProbesArePublicOnTheDoor_theActuatorIsOnTheManagementPort() {
		this.client.get().uri("/readyz").exchange().expectStatus().isOk();
		this.client.get().uri("/livez").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/actuator/prometheus")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.OPERATOR))
			.exchange()
			.expectStatus()
			.isNotFound();
		WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.managementPort)
			.build()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("resilience4j_circuitbreaker_state",
					"spring_cloud_gateway_requests_seconds_count"));
	}

	private static HttpServer downstream(String name) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", (exchange) -> {
				String token = exchange.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION);
				String requestId = exchange.getRequestHeaders().getFirst(RequestIds.HEADER);
				exchange.getResponseHeaders().add("X-Seen-Request-Id", requestId);
				// as the real services do
				exchange.getResponseHeaders().add(RequestIds.HEADER, requestId);
				byte[] body = (name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " with "
						+ token)
					.getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String uri(HttpServer server) {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

}
