package vn.dvcpulse.gateway;


import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.dvcpulse.access.AccessToken;
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

	/** Whether the catalog's stand-in takes its time (200 ms) to answer. */
	static final AtomicBoolean slowCatalog = new AtomicBoolean();

	static final HttpServer aggregator = downstream("metrics-aggregator");

	@Autowired
	WebTestClient client;

	@LocalManagementPort
	int managementPort;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void downstreams(DynamicPropertyRegistry registry) {
		registry.add("dvc.services.submission-tracker", () -> StandIn.uri(tracker));
		registry.add("dvc.services.service-catalog", () -> StandIn.uri(catalog));
		registry.add("dvc.services.metrics-aggregator", () -> StandIn.uri(aggregator));
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
	void aBurstOfConcurrentClients_allReachTheService() throws Exception {
		slowCatalog.set(true);
		try {
			HttpClient http = HttpClient.newHttpClient();
			List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				// a hundred clients at once, each within its own rate limit
				String subject = "burst-" + i;
				String token = "Bearer " + TestTokens.token((claims) -> claims.subject(subject)
					.claim(AccessToken.ROLES_CLAIM, List.of(Role.OPERATOR.name())));
				answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port
						+ "/api/v1/catalog/services"))
					.header(HttpHeaders.AUTHORIZATION, token)
					.build(), HttpResponse.BodyHandlers.discarding()));
			}
			for (CompletableFuture<HttpResponse<Void>> answer : answers) {
				assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
			}
		}
		finally {
			slowCatalog.set(false);
		}
	}

	@Test
	void aKeptAliveConnection_isAnsweredRequestAfterRequest() throws Exception {
		// each request sent as soon as the answer before it is read, on the one connection the client keeps: Reactor
		// Netty 1.3.6 stopped reading such a connection within a few hundred requests (most often after a health
		// answer, which is written from another thread), and the client waited until it gave up
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		for (int i = 0; i < 1_000; i++) {
			for (String probe : List.of("/readyz", "/livez")) {
				HttpResponse<Void> answer = http.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + probe))
							.timeout(Duration.ofSeconds(5))
							.build(),
						HttpResponse.BodyHandlers.discarding());
				assertThat(answer.statusCode()).as("%s, request %d", probe, i).isEqualTo(200);
			}
		}
	}

	@Test
	void whatTheDoorItselfRefuses_isAProblemToo() {
		this.client.post()
			.uri("/readyz")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists(HttpHeaders.ALLOW)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:dvc-pulse:problem:method-not-allowed")
			.jsonPath("$.status")
			.isEqualTo(405)
			.jsonPath("$.detail")
			.isEqualTo("This path does not take POST")
			.jsonPath("$.instance")
			.isEqualTo("/readyz");
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
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:dvc-pulse:problem:not-found")
			.jsonPath("$.instance")
			.isEqualTo("/actuator/prometheus");
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
		return StandIn.answering((exchange) -> {
			if (name.equals("service-catalog") && slowCatalog.get()) {
				try {
					Thread.sleep(200);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			String token = exchange.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION);
			String requestId = exchange.getRequestHeaders().getFirst(RequestIds.HEADER);
			exchange.getResponseHeaders().add("X-Seen-Request-Id", requestId);
			// as the real services do
			exchange.getResponseHeaders().add(RequestIds.HEADER, requestId);
			StandIn.reply(exchange, name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " with "
					+ token);
		});
	}

}
