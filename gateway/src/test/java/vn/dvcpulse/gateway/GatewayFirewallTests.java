package vn.dvcpulse.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.dvcpulse.access.Role;
import vn.dvcpulse.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the door refuses before any route, spelt as an attacker would, byte for byte on the wire: every refusal is
 * a problem with a {@code urn:dvc-pulse:problem:*} type, never an empty body, an HTML page or Boot's own JSON, and
 * nothing of it reaches a service.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class GatewayFirewallTests {

	static final HttpServer service = StandIn.answering((exchange) -> {
		throw new AssertionError("reached the service: " + exchange.getRequestURI());
	});

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void downstreams(DynamicPropertyRegistry registry) {
		registry.add("dvc.services.submission-tracker", () -> StandIn.uri(service));
		registry.add("dvc.services.service-catalog", () -> StandIn.uri(service));
		registry.add("dvc.services.metrics-aggregator", () -> StandIn.uri(service));
	}

	@AfterAll
	static void stopService() {
		service.stop(0);
	}

	@ParameterizedTest(name = "{0} {1} is {2}")
	@CsvSource(delimiter = '|', textBlock = """
			GET   | //api/v1/metrics/national                        | 400
			GET   | /api//v1/metrics/national                        | 400
			GET   | /api/v1/metrics%2Fnational                       | 400
			GET   | /api/v1/metrics%2fnational                       | 400
			GET   | /api/v1/metrics/national;jsessionid=1            | 400
			GET   | /api/v1/metrics/national%00                      | 400
			GET   | /api/v1/metrics/%2e%2e/national                  | 400
			GET   | /api/v1/metrics/../catalog/services              | 400
			GET   | /api/v1/metrics/nat%zzional                      | 400
			GET   | /api/v1/metrics/national?x=%                     | 400
			GET   | /api/v1/metrics/national/                        | 404
			TRACE | /api/v1/metrics/national                         | 405
			GET   | /api/v1/nothing-here                             | 403
			""")
	void aSuspectRequest_isRefusedAsAProblem(String method, String target, int status) throws IOException {
		String answer = exchange(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
				+ TestTokens.bearer(Role.COMMITTEE) + "\r\nConnection: close\r\n\r\n");
		assertProblem(answer, status);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "a request line too long, 414", "headers too large, 431" })
	void anOversizedRequestHead_isRefusedAsAProblem(String what, int status) throws IOException {
		String head = (status == 414)
				? "GET /api/v1/metrics/national?x=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				: "GET /api/v1/metrics/national HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "b".repeat(20_000) + "\r\n";
		assertProblem(exchange(head + "Connection: close\r\n\r\n"), status);
	}

	private static void assertProblem(String answer, int status) {
		assertThat(answer).as(answer).startsWith("HTTP/1.1 " + status + " ");
		String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
		assertThat(head).as(answer).contains("content-type: application/problem+json");
		String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
		assertThat(body).as(answer).contains("\"type\":\"urn:dvc-pulse:problem:").contains("\"status\":" + status);
	}

	private String exchange(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
