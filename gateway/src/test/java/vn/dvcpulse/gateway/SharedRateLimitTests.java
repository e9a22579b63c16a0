package vn.dvcpulse.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.dvcpulse.access.AccessToken;
import vn.dvcpulse.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway instances with their buckets in one Redis share each client's limit: what one let through, the other
 * counts. Needs {@code redis-server} on the PATH (Debian's {@code redis-server}; {@code .ci/run} installs it), and
 * says so and is skipped where it is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedRateLimitTests {

	private final List<ConfigurableApplicationContext> gateways = new ArrayList<>();

	private Process redis;

	private HttpServer aggregator;

	@BeforeAll
	void startRedisAndTwoGateways() throws Exception {
		assumeThat(onPath("redis-server")).as("redis-server is not installed (apt-get install redis-server): the "
				+ "shared rate limit is not tested here").isTrue();
		int port = freePort();
		this.redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> listening(port));
		this.aggregator = StandIn.answeringEmptyJson();
		for (int i = 0; i < 2; i++) {
			this.gateways.add(new SpringApplicationBuilder(GatewayApplication.class).run("--server.port=0",
					"--management.server.port=0", "--server.address=127.0.0.1",
					"--dvc.services.metrics-aggregator=" + StandIn.uri(this.aggregator),
					"--dvc.gateway.rate-limits.redis-uri=redis://127.0.0.1:" + port,
					"--dvc.gateway.rate-limits.per-client.COMMITTEE=4"));
		}
	}

	@AfterAll
	void stop() {
		this.gateways.forEach(ConfigurableApplicationContext::close);
		if (this.aggregator != null) {
			this.aggregator.stop(0);
		}
		if (this.redis != null) {
			this.redis.destroy();
		}
	}

	@Test
	void aClientsLimit_holdsAcrossGatewayInstances() {
		String token = "Bearer " + TestTokens.token((claims) -> claims.subject("committee-shared-test")
			.claim(AccessToken.ROLES_CLAIM, List.of("COMMITTEE")));
		// warm both instances up with another client, so that the burst below takes a few milliseconds
		String other = "Bearer " + TestTokens.token((claims) -> claims.subject("committee-warm-up")
			.claim(AccessToken.ROLES_CLAIM, List.of("COMMITTEE")));
		this.gateways.forEach((gateway) -> client(gateway).get()
			.uri("/api/v1/metrics/national")
			.header(HttpHeaders.AUTHORIZATION, other)
			.exchange()
			.expectStatus()
			.isOk());
		List<Integer> statuses = new ArrayList<>();
		long started = System.nanoTime();
		for (int i = 0; i < 12; i++) {
			statuses.add(client(this.gateways.get(i % 2)).get()
				.uri("/api/v1/metrics/national")
				.header(HttpHeaders.AUTHORIZATION, token)
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value());
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		// with buckets of their own the two would let at least eight through (four each); shared, four and what
		// refilled meanwhile (four a second): the difference shows only if the burst was quick enough
		assumeThat(seconds).as("the burst took %.2f s: too slow to tell shared from separate buckets", seconds)
			.isLessThan(0.5);
		assertThat(statuses.subList(0, 4)).containsOnly(200);
		long passed = statuses.stream().filter((status) -> status == 200).count();
		assertThat(passed).isLessThanOrEqualTo(4 + (long) Math.ceil(seconds * 4) + 1).isLessThan(8);
		assertThat(statuses).contains(429);
	}

	private static WebTestClient client(ConfigurableApplicationContext gateway) {
		int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
	}

	private static boolean onPath(String command) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (new java.io.File(dir, command).canExecute()) {
				return true;
			}
		}
		return false;
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
