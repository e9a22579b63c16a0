package vn.dvcpulse.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway's routes, each against a stand-in for the service behind it that answers with its own name and
 * the path it was asked for.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayRoutingTests {

	static final HttpServer tracker = downstream("submission-tracker");

	static final HttpServer catalog = downstream("service-catalog");

	static final HttpServer aggregator = downstream("metrics-aggregator");

	@Autowired
	WebTestClient client;

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

	@ParameterizedTest(name = "{0} {1} goes to {2}")
	@CsvSource({ "POST, /api/v1/events, submission-tracker", "POST, /api/v1/events:batch, submission-tracker",
			"POST, /api/v1/events:import, submission-tracker", "GET, /api/v1/applications/01/HN-1, submission-tracker",
			"GET, /api/v1/rejections?locality=01, submission-tracker", "GET, /api/v1/catalog/services, service-catalog",
			"GET, /api/v1/catalog/localities?at=2025-06-30, service-catalog",
			"GET, /api/v1/metrics/localities, metrics-aggregator" })
	void requests_reachTheirService_withPathAndQueryIntact(String method, String path, String service) {
		this.client.method(org.springframework.http.HttpMethod.valueOf(method))
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo(service + " " + method + " " + path);
	}

	@Test
	void identityHeadersFromOutside_neverReachAService() {
		this.client.put()
			.uri("/api/v1/catalog/services/Q422-19")
			.header("X-DVC-Subject", "mallory")
			.header("X-DVC-Roles", "CATALOG_ADMIN")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("service-catalog PUT /api/v1/catalog/services/Q422-19");
	}

	@Test
	void unroutedPath_is404() {
		this.client.get().uri("/api/v1/elsewhere").exchange().expectStatus().isNotFound();
	}

	private static HttpServer downstream(String name) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", (exchange) -> {
				String identity = String.join(",", exchange.getRequestHeaders().getOrDefault("X-DVC-Subject", List.of()))
						+ String.join(",", exchange.getRequestHeaders().getOrDefault("X-DVC-Roles", List.of()));
				byte[] body = (name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
						+ (identity.isEmpty() ? "" : " as " + identity))
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
