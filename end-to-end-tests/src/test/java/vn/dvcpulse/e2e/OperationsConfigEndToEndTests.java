package vn.dvcpulse.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import vn.dvcpulse.access.Role;
import vn.dvcpulse.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric that a Grafana panel or a Prometheus rule reads is one the running services export, after a short
 * flow of events: scraped from each service's {@code /actuator/prometheus} (the gateway's on its management port).
 */
class OperationsConfigEndToEndTests extends ThroughTheGateway {

	@Test
	void everyMetricOfEveryPanelAndRule_isExported() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(post("/api/v1/events", """
					{"eventId":"ops-%d","type":"SUBMITTED","applicationId":"OPS-%d","localityCode":"01",
					 "serviceCode":"P06-03","occurredAt":"2025-08-04T09:00:00+07:00","channel":"ONLINE",
					 "onlineLevel":"FULL","dueAt":"2025-08-11T17:00:00+07:00"}""".formatted(i, i)).statusCode())
				.isIn(200, 202);
		}
		assertThat(post("/api/v1/events", "{}").statusCode()).isEqualTo(400);
		// a second, different receipt of the same application: accepted at the door, rejected by the lifecycle
		assertThat(post("/api/v1/events", """
				{"eventId":"ops-0-again","type":"SUBMITTED","applicationId":"OPS-0","localityCode":"01",
				 "serviceCode":"P06-03","occurredAt":"2025-08-04T10:00:00+07:00","channel":"IN_PERSON"}""")
			.statusCode()).isEqualTo(202);
		get("/api/v1/metrics/national");

		Set<String> used = new TreeSet<>();
		List<String> expressions = new ArrayList<>(DeployFiles.ruleExpressions());
		expressions.addAll(DeployFiles.dashboardExpressions());
		expressions.forEach((expression) -> used.addAll(DeployFiles.metricNames(expression)));
		assertThat(used).as("metric names found in the dashboards and rules").hasSizeGreaterThan(15);

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			Set<String> exported = new TreeSet<>();
			exported.addAll(scrape(stack.management("/actuator/prometheus")));
			for (String service : List.of("service-catalog", "submission-tracker", "metrics-aggregator")) {
				exported.addAll(scrape(stack.management(service, "/actuator/prometheus")));
			}
			assertThat(exported).containsAll(used);
		});
	}

	private Set<String> scrape(URI uri) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri)
			.header("Authorization", TestTokens.bearer(Role.OPERATOR))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(uri.toString()).isEqualTo(200);
		Set<String> names = new TreeSet<>();
		for (String line : response.body().split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				names.add(line.split("[{ ]", 2)[0]);
			}
		}
		return names;
	}

}
