package vn.dvcpulse.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import vn.dvcpulse.access.AccessToken;
import vn.dvcpulse.access.Role;
import vn.dvcpulse.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One locality's import in flight does not keep another's out, and a second of its own is refused at once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerClientBulkheadTests {

	private final CountDownLatch release = new CountDownLatch(1);

	/** The imports the stand-in holds now. */
	private final AtomicInteger held = new AtomicInteger();

	private HttpServer tracker;

	private ConfigurableApplicationContext gateway;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	void startAGatewayWithOneImportAtOnce() {
		// the tracker's stand-in holds every import until released
		this.tracker = StandIn.answering((exchange) -> {
			try {
				exchange.getRequestBody().readAllBytes();
				this.held.incrementAndGet();
				this.release.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			StandIn.reply(exchange, "{}");
		});
		this.gateway = new SpringApplicationBuilder(GatewayApplication.class).run("--server.port=0",
				"--management.server.port=0", "--server.address=127.0.0.1",
				"--dvc.services.submission-tracker=" + StandIn.uri(this.tracker),
				"--dvc.gateway.rate-limits.imports-at-once=1");
	}

	@AfterAll
	void stop() {
		this.release.countDown();
		this.gateway.close();
		this.tracker.stop(0);
	}

	@Test
	void aSecondImportOfTheSameClient_is429AtOnce_whileAnotherClientsImportGoesThrough() throws Exception {
		String hanoi = submitter("hanoi-one-stop", "01");
		String saigon = submitter("saigon-one-stop", "79");
		CompletableFuture<HttpResponse<String>> first = importAs(hanoi);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.held.get() == 1); // in flight, held by the stand-in
		long started = System.nanoTime();
		HttpResponse<String> second = importAs(hanoi).get(5, TimeUnit.SECONDS);
		long millis = (System.nanoTime() - started) / 1_000_000;
		CompletableFuture<HttpResponse<String>> other = importAs(saigon);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.held.get() == 2);

		assertThat(second.statusCode()).as(second.body()).isEqualTo(429);
		assertThat(second.body()).contains("\"type\":\"urn:dvc-pulse:problem:rate-limited\"");
		assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(millis).as("refused at once, not after waiting").isLessThan(2_000);
		assertThat(other.isDone()).as("another client's import is held by the service, not refused").isFalse();
		this.release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		assertThat(other.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
	}

	private static String submitter(String client, String locality) {
		return "Bearer " + TestTokens.token((claims) -> claims.subject(client)
			.claim(AccessToken.ROLES_CLAIM, List.of(Role.SUBMITTER.name()))
			.claim(AccessToken.LOCALITY_CLAIM, locality));
	}

	private CompletableFuture<HttpResponse<String>> importAs(String token) {
		int port = ((WebServerApplicationContext) this.gateway).getWebServer().getPort();
		return this.http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events:import"))
			.header("Authorization", token)
			.header("Content-Type", "application/x-ndjson")
			.POST(HttpRequest.BodyPublishers.ofString("{}\n"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
