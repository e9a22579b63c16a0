package vn.dvcpulse.gateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
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
 * The door refuses what it must before anything is routed: no token, a bad one, or one without the right. Only the
 * aggregator is there behind it (a stand-in answering at once): a refusal never needs a service. Rate limits are
 * set low to be met.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "dvc.services.submission-tracker=http://127.0.0.1:9",
				"dvc.services.service-catalog=http://127.0.0.1:9", "dvc.gateway.rate-limits.per-client.COMMITTEE=3",
				"dvc.gateway.rate-limits.per-role.COMMITTEE=1000", "dvc.gateway.rate-limits.per-client.OPERATOR=100",
				"dvc.gateway.rate-limits.per-role.OPERATOR=3" })
@AutoConfigureWebTestClient
class GatewayAccessTests {

	static final HttpServer aggregator = StandIn.answeringEmptyJson();

	@DynamicPropertySource
	static void downstream(DynamicPropertyRegistry registry) {
		registry.add("dvc.services.metrics-aggregator", () -> StandIn.uri(aggregator));
	}

	@AfterAll
	static void stop() {
		aggregator.stop(0);
	}

	static final String METRICS = "/api/v1/metrics/localities";

	@Autowired
	WebTestClient client;

	@Test
	void noToken_is401_asProblemDetails_withABearerChallenge() {
		this.client.get()
			.uri(METRICS)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dvc-pulse\", error=\"invalid_token\"")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:dvc-pulse:problem:unauthenticated")
			.jsonPath("$.status")
			.isEqualTo(401);
	}

	@Test
	void aForgedSignature_isRefused() {
		assertUnauthorized(TestTokens.forged((claims) -> claims.claim(AccessToken.ROLES_CLAIM, List.of("COMMITTEE"))));
	}

	@Test
	void anExpiredToken_isRefused() {
		assertUnauthorized(TestTokens.token((claims) -> claims.claim(AccessToken.ROLES_CLAIM, List.of("COMMITTEE"))
			.issuedAt(Instant.now().minusSeconds(7200))
			.expiresAt(Instant.now().minusSeconds(3600))));
	}

	@Test
	void aTokenOfAnotherIssuer_isRefused() {
		assertUnauthorized(TestTokens.token((claims) -> claims.claim(AccessToken.ROLES_CLAIM, List.of("COMMITTEE"))
			.issuer("https://somewhere-else.example")));
	}

	@Test
	void aSubmittersTokenWithoutItsLocality_isRefused() {
		assertUnauthorized(TestTokens.token((claims) -> claims.claim(AccessToken.ROLES_CLAIM, List.of("SUBMITTER"))));
	}

	@Test
	void garbage_isRefused() {
		assertUnauthorized("not.a.token");
	}

	@Test
	void aValidTokenWithoutTheRight_is403_asProblemDetails() {
		String body = this.client.post()
			.uri("/api/v1/catalog/localities")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.COMMITTEE))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("urn:dvc-pulse:problem:forbidden").doesNotContain("Exception");
	}

	@Test
	void theRequestAfterTheLimit_is429_withRetryAfter() {
		String committee = "Bearer " + TestTokens.token((claims) -> claims.subject("committee-rate-test")
			.claim(AccessToken.ROLES_CLAIM, List.of("COMMITTEE")));
		// three a second: of ten sent at once, the first three pass, and some of the rest must wait
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			statuses.add(this.client.get()
				.uri(METRICS)
				.header(HttpHeaders.AUTHORIZATION, committee)
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value());
		}
		assertThat(statuses.subList(0, 3)).containsOnly(200);
		assertThat(statuses).contains(429);
		this.client.get()
			.uri(METRICS)
			.header(HttpHeaders.AUTHORIZATION, committee)
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, (seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 2L))
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:dvc-pulse:problem:rate-limited");
		// another client of the same role has its own bucket
		this.client.get()
			.uri(METRICS)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.COMMITTEE))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void theRequestAfterARolesLimit_is429_whicheverOfItsClientsSendsIt() {
		// three a second for all operators together, a hundred for each: ten operators, one request each
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String subject = "operator-" + i;
			statuses.add(this.client.get()
				.uri(METRICS)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token((claims) -> claims.subject(subject)
					.claim(AccessToken.ROLES_CLAIM, List.of("OPERATOR"))))
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value());
		}
		assertThat(statuses.subList(0, 3)).containsOnly(200);
		assertThat(statuses).contains(429);
	}

	@Test
	void theOneApiDocument_namesTheServicesThatDidNotAnswer() {
		// the tracker and the catalog are not there; the aggregator's stand-in has no description either
		this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.info.description")
			.value((description) -> assertThat(description.toString()).contains("did not answer")
				.contains("submission-tracker", "service-catalog"))
			.jsonPath("$.components.securitySchemes")
			.exists();
	}

	private void assertUnauthorized(String token) {
		String body = this.client.get()
			.uri(METRICS)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		// what was wrong stays in the server's log
		assertThat(body).contains("urn:dvc-pulse:problem:unauthenticated")
			.doesNotContainIgnoringCase("signature")
			.doesNotContainIgnoringCase("expired at")
			.doesNotContain("Jwt");
	}

}
