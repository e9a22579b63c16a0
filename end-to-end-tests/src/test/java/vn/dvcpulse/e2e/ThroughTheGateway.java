package vn.dvcpulse.e2e;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.dvcpulse.access.Role;
import vn.dvcpulse.testsupport.TestKafkaBroker;
import vn.dvcpulse.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** What every end-to-end test does: talk to the one running stack through its gateway, as a client would. */
abstract class ThroughTheGateway {

	static RunningStack stack;

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	private static final Pattern LOCALITY = Pattern.compile("\"localityCode\"\\s*:\\s*\"(\\d{2})\"");

	@BeforeAll
	static void startStack() {
		stack = RunningStack.shared(System.getProperty(TestKafkaBroker.BROKERS_PROPERTY));
	}

	/** A POST of events, as the submitter of the locality the body's first event names. */
	HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		Matcher locality = LOCALITY.matcher(body);
		return post(path, body, TestTokens.bearer(Role.SUBMITTER, locality.find() ? locality.group(1) : "01"));
	}

	HttpResponse<String> post(String path, String body, String authorization)
			throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(stack.gateway(path))
			.header("Content-Type", "application/json")
			.header("Authorization", authorization)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A GET through the gateway, as an operator, that must answer 200, as JSON. */
	JsonNode get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(stack.gateway(path))
			.header("Authorization", TestTokens.bearer(Role.OPERATOR))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return this.json.readTree(response.body());
	}

}
