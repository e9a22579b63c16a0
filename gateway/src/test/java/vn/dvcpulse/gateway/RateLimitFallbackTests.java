package vn.dvcpulse.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.dvcpulse.access.Role;
import vn.dvcpulse.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limits cost a request little whatever Redis does, and hold for callers without a token: a Redis that
 * accepts connections and never answers is answered for by the instance's own buckets, within milliseconds, and
 * counted; requests without a token are limited per client address before any token is read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitFallbackTests {

	private final List<Socket> held = new CopyOnWriteArrayList<>();

	private ServerSocket silentRedis;

	private HttpServer aggregator;

	private ConfigurableApplicationContext gateway;

	@BeforeAll
	void startAGatewayWithASilentRedis() throws IOException {
		this.silentRedis = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread accepting = new Thread(() -> {
			while (!this.silentRedis.isClosed()) {
				try {
					this.held.add(this.silentRedis.accept()); // and never a byte back
				}
				catch (IOException ex) {
					return;
				}
			}
		});
		accepting.setDaemon(true);
		accepting.start();
		this.aggregator = StandIn.answeringEmptyJson();
		this.gateway = new SpringApplicationBuilder(GatewayApplication.class).run("--server.port=0",
				"--management.server.port=0", "--server.address=127.0.0.1",
				"--dvc.services.metrics-aggregator=" + StandIn.uri(this.aggregator),
				"--dvc.gateway.rate-limits.redis-uri=redis://127.0.0.1:" + this.silentRedis.getLocalPort(),
				"--dvc.gateway.rate-limits.per-address-without-token=5");
	}

	@AfterAll
	void stop() throws IOException {
		if (this.gateway != null) {
			this.gateway.close();
		}
		this.aggregator.stop(0);
		this.silentRedis.close();
		for (Socket socket : this.held) {
			socket.close();
		}
	}

	@Test
	void aSilentRedis_costsARequestMilliseconds_andTheInstancesOwnBucketsAnswer() {
		String token = TestTokens.bearer(Role.COMMITTEE);
		List<Long> millis = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			long started = System.nanoTime();
			client().get()
				.uri("/api/v1/metrics/national")
				.header(HttpHeaders.AUTHORIZATION, token)
				.exchange()
				.expectStatus()
				.isOk();
			millis.add((System.nanoTime() - started) / 1_000_000);
		}
		// the first warms the door; none waits for Redis longer than its 50 ms and a little
		assertThat(millis.subList(1, millis.size())).allSatisfy((ms) -> assertThat(ms).isLessThan(1_000));
		double fallbacks = this.gateway.getBean(MeterRegistry.class)
			.get("dvc.gateway.rate.limit.fallbacks")
			.counter()
			.count();
		assertThat(fallbacks).isGreaterThanOrEqualTo(5);
	}

	@Test
	void requestsWithoutAToken_areLimitedPerAddress_withAProblem() {
		List<Integer> statuses = new ArrayList<>();
		EntityExchangeResult<String> last = null;
		for (int i = 0; i < 12; i++) {
			last = client().get().uri("/api/v1/metrics/national").exchange().expectBody(String.class).returnResult();
			statuses.add(last.getStatus().value());
		}
		assertThat(statuses).contains(401).contains(429).containsOnly(401, 429);
		assertThat(statuses.indexOf(429)).as("the first five of the second are let through").isGreaterThanOrEqualTo(5);
		assertThat(last.getStatus().value()).isEqualTo(429);
		assertThat(last.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(last.getResponseBody()).contains("\"type\":\"urn:dvc-pulse:problem:rate-limited\"");
	}

	private WebTestClient client() {
		int port = ((WebServerApplicationContext) this.gateway).getWebServer().getPort();
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(10))
			.build();
	}

}
