package vn.dvcpulse.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.dvcpulse.access.AccessToken;
import vn.dvcpulse.access.Role;
import vn.dvcpulse.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role against every endpoint, through the gateway to the real services: a role the README's matrix allows
 * is let through (whatever the service then answers), any other gets {@code 403}, no token {@code 401}. The
 * services check tokens themselves as well: called on their own ports, they refuse the same way.
 */
class AccessMatrixEndToEndTests extends ThroughTheGateway {

	static final String EVENT_OF_01 = """
			{"eventId":"matrix-%s","type":"SUBMITTED","applicationId":"MATRIX-%s","localityCode":"%s",
			 "serviceCode":"P06-03","occurredAt":"2025-08-04T09:00:00+07:00","channel":"IN_PERSON"}""";

	/** One endpoint: how to call it, and which roles the matrix lets through. */
	record Endpoint(String method, String path, String contentType, String body, Set<Role> allowed) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	static final List<Endpoint> ENDPOINTS = List.of(
			new Endpoint("POST", "/api/v1/events", "application/json", EVENT_OF_01, EnumSet.of(Role.SUBMITTER)),
			new Endpoint("POST", "/api/v1/events:batch", "application/json", "[" + EVENT_OF_01 + "]",
					EnumSet.of(Role.SUBMITTER)),
			new Endpoint("POST", "/api/v1/events:import", "application/x-ndjson",
					EVENT_OF_01.replace("\n", "") + "\n", EnumSet.of(Role.SUBMITTER)),
			new Endpoint("GET", "/api/v1/applications/01/MATRIX-none", null, null,
					EnumSet.of(Role.SUBMITTER, Role.OPERATOR)),
			new Endpoint("GET", "/api/v1/rejections?locality=01", null, null, EnumSet.of(Role.SUBMITTER, Role.OPERATOR)),
			new Endpoint("GET", "/api/v1/metrics/national", null, null, EnumSet.of(Role.OPERATOR, Role.COMMITTEE)),
			new Endpoint("GET", "/api/v1/metrics/localities?format=csv", null, null,
					EnumSet.of(Role.OPERATOR, Role.COMMITTEE)),
			new Endpoint("GET", "/api/v1/catalog/services", null, null, EnumSet.allOf(Role.class)),
			new Endpoint("GET", "/api/v1/catalog/localities/08", null, null, EnumSet.allOf(Role.class)),
			// allowed for the steward, then refused by the catalog for want of If-Match (428): no change is made
			new Endpoint("PUT", "/api/v1/catalog/services/Q422-21", "application/json", "{\"nameVi\":\"x\"}",
					EnumSet.of(Role.CATALOG_ADMIN)),
			new Endpoint("POST", "/api/v1/catalog/localities", "application/json", "{\"code\":\"1\"}",
					EnumSet.of(Role.CATALOG_ADMIN)));

	static Stream<Arguments> everyRoleAgainstEveryEndpoint() {
		List<Arguments> cells = new ArrayList<>();
		int n = 0;
		for (Endpoint endpoint : ENDPOINTS) {
			for (Role role : Role.values()) {
				cells.add(Arguments.of(endpoint, role, n++));
			}
		}
		return cells.stream();
	}

	@ParameterizedTest(name = "{1} {0}")
	@MethodSource("everyRoleAgainstEveryEndpoint")
	void theMatrix(Endpoint endpoint, Role role, int cell) throws Exception {
		HttpResponse<String> response = call(stack.gateway(endpoint.path()), endpoint, cell,
				TestTokens.bearer(role, (role == Role.SUBMITTER) ? "01" : null));
		if (endpoint.allowed().contains(role)) {
			assertThat(response.statusCode()).as(response.body()).isNotIn(401, 403);
		}
		else {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
			assertThat(response.body()).contains("urn:dvc-pulse:problem:forbidden");
		}
	}

	@ParameterizedTest(name = "no token: {0}")
	@MethodSource("endpoints")
	void withoutAToken_everyEndpointIs401(Endpoint endpoint) throws Exception {
		HttpResponse<String> response = call(stack.gateway(endpoint.path()), endpoint, 0, null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(challenge) -> assertThat(challenge).startsWith("Bearer"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("endpoints")
	void theServicesBehind_checkTokensThemselves(Endpoint endpoint) throws Exception {
		String service = endpoint.path().startsWith("/api/v1/catalog") ? "service-catalog"
				: endpoint.path().startsWith("/api/v1/metrics") ? "metrics-aggregator" : "submission-tracker";
		URI direct = stack.service(service, endpoint.path());
		assertThat(call(direct, endpoint, 0, null).statusCode()).isEqualTo(401);
		String forged = "Bearer " + TestTokens.forged((claims) -> claims.claim(AccessToken.ROLES_CLAIM,
				List.of(endpoint.allowed().iterator().next().name())).claim(AccessToken.LOCALITY_CLAIM, "01"));
		assertThat(call(direct, endpoint, 0, forged).statusCode()).isEqualTo(401);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("eventEndpoints")
	void aSubmitterOf01_postingFor79_is403(Endpoint endpoint) throws Exception {
		Endpoint for79 = new Endpoint(endpoint.method(), endpoint.path(), endpoint.contentType(),
				endpoint.body().replace("\"localityCode\":\"%s\"", "\"localityCode\":\"79\""), endpoint.allowed());
		HttpResponse<String> response = call(stack.gateway(for79.path()), for79, 9_000,
				TestTokens.bearer(Role.SUBMITTER, "01"));
		if (endpoint.path().endsWith(":import")) {
			// an import is read as it streams: the line is refused on its own, in the summary
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"rejected\":1", "urn:dvc-pulse:problem:forbidden");
		}
		else {
			assertThat(response.statusCode()).isEqualTo(403);
		}
	}

	static Stream<Endpoint> endpoints() {
		return ENDPOINTS.stream();
	}

	static Stream<Endpoint> eventEndpoints() {
		return ENDPOINTS.stream().filter((endpoint) -> endpoint.path().startsWith("/api/v1/events"));
	}

	private HttpResponse<String> call(URI uri, Endpoint endpoint, int cell, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri);
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (endpoint.body() != null) {
			// each cell posts its own application, so no answer is a duplicate of another's
			String body = endpoint.body().formatted(cell, cell, "01");
			request.header("Content-Type", endpoint.contentType())
				.method(endpoint.method(), HttpRequest.BodyPublishers.ofString(body));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
