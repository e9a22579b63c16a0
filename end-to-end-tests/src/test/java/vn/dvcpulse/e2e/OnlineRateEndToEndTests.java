package vn.dvcpulse.e2e;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.dvcpulse.access.AccessToken;
import vn.dvcpulse.access.Role;
import vn.dvcpulse.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton as a local system and the Committee use it: events posted through the gateway for two
 * localities come back as exact per-locality online rates, a re-posted event and a second receipt counted once.
 */
class OnlineRateEndToEndTests extends ThroughTheGateway {

	static final String AUGUST = "/api/v1/metrics/localities?from=2025-08-01&to=2025-08-31&granularity=month";

	@Test
	void eventsThroughTheGateway_giveExactOnlineRatesPerLocality() throws Exception {
		// Hà Nội (01): two online, one in person; one online event re-posted; one second receipt
		assertThat(postEvent(submitted("hn-1-s", "HN-1", "01", "ONLINE"))).isEqualTo(202);
		assertThat(postEvent(submitted("hn-2-s", "HN-2", "01", "ONLINE"))).isEqualTo(202);
		// the same event again: a duplicate (200) once the tracker has placed it, accepted (202) before; once either way
		assertThat(postEvent(submitted("hn-2-s", "HN-2", "01", "ONLINE"))).isIn(200, 202);
		assertThat(postEvent(submitted("hn-3-s", "HN-3", "01", "IN_PERSON"))).isEqualTo(202);
		assertThat(postEvent(submitted("hn-3-s-again", "HN-3", "01", "ONLINE"))).isEqualTo(202);
		// Hồ Chí Minh (79): one online, two in person, one by post
		assertThat(postEvent(submitted("hcm-1-s", "HCM-1", "79", "ONLINE"))).isEqualTo(202);
		assertThat(postEvent(submitted("hcm-2-s", "HCM-2", "79", "IN_PERSON"))).isEqualTo(202);
		assertThat(postEvent(submitted("hcm-3-s", "HCM-3", "79", "IN_PERSON"))).isEqualTo(202);
		assertThat(postEvent(submitted("hcm-4-s", "HCM-4", "79", "POSTAL"))).isEqualTo(202);

		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			JsonNode localities = get(AUGUST).get("localities");
			assertThat(localities).hasSize(2);
			assertLocality(localities.get(0), "01", 3, 2, "0.6667");
			assertLocality(localities.get(1), "79", 4, 1, "0.25");
		});
		// and it stays so: nothing counted late or twice
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
			JsonNode localities = get(AUGUST).get("localities");
			assertLocality(localities.get(0), "01", 3, 2, "0.6667");
			assertLocality(localities.get(1), "79", 4, 1, "0.25");
		});
	}

	@Test
	void theAggregatorExports_figuresFreshnessAndSilence_forPrometheus() throws Exception {
		assertThat(postEvent(submitted("hn-9-s", "HN-9", "01", "ONLINE"))).isIn(200, 202);
		await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
			String exported = this.http.send(HttpRequest.newBuilder(
					stack.management("metrics-aggregator", "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			assertThat(exported).contains("dvc_locality_online_submission_rate{", "locality=\"01\"", "period=\"year\"",
					"dvc_national_received{", "dvc_aggregator_freshness_seconds_bucket{",
					"dvc_locality_last_event_age_seconds{");
			assertThat(exported).containsPattern("dvc_locality_last_event_age_seconds\\{[^}]*locality=\"01\"[^}]*\\} [0-9.]+");
			String tracker = this.http.send(HttpRequest.newBuilder(
					stack.management("submission-tracker", "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			assertThat(tracker).contains("dvc_ingest_events_total{", "dvc_ingest_acknowledgement_seconds_bucket{",
					"dvc_lifecycle_held_events{", "resilience4j_circuitbreaker_state{");
		});
	}

	@Test
	void badEventThroughTheGateway_isAProblemAndCountsNothing() throws Exception {
		HttpResponse<String> response = post("/api/v1/events", "{\"eventId\":\"x\",");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(this.json.readTree(response.body()).get("type").asString())
			.isEqualTo("urn:dvc-pulse:problem:malformed-json");
	}

	@Test
	void eventForAServiceNotInTheCatalog_isRefusedThroughTheGateway() throws Exception {
		HttpResponse<String> response = post("/api/v1/events",
				submitted("x-1-s", "X-1", "01", "ONLINE").replace("P06-03", "P06-99"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(response.body()).get("type").asString())
			.isEqualTo("urn:dvc-pulse:problem:unknown-service");
	}

	@Test
	void aStewardsEdit_reachesTheCatalogAndTheServicesThatFollowIt() throws Exception {
		String draft = "{\"nameVi\":\"Dịch vụ do quản trị đặt tên\",\"nameEn\":\"Named by the steward\",\"verified\":true}";
		HttpRequest.Builder edit = HttpRequest.newBuilder(stack.gateway("/api/v1/catalog/services/Q422-20"))
			.header("Content-Type", "application/json")
			.header("If-Match", "\"1\"")
			.PUT(HttpRequest.BodyPublishers.ofString(draft));
		// an operator may read the catalog, not edit it
		assertThat(this.http.send(edit.header("Authorization", TestTokens.bearer(Role.OPERATOR)).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);

		HttpResponse<String> edited = this.http.send(edit.setHeader("Authorization", "Bearer " + TestTokens
			.token((claims) -> claims.subject("steward-1").claim(AccessToken.ROLES_CLAIM, List.of("CATALOG_ADMIN"))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(edited.statusCode()).isEqualTo(200);
		long version = this.json.readTree(edited.body()).get("revision").get("catalogVersion").asLong();
		assertThat(get("/api/v1/catalog/services/Q422-20").get("nameEn").asString()).isEqualTo("Named by the steward");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				get("/api/v1/metrics/localities").get("catalogVersion").asLong()).isGreaterThanOrEqualTo(version));
	}

	@Test
	void catalogThroughTheGateway_hasTheFiftyThreeServicesAndTheThirtyFourUnits() throws Exception {
		assertThat(get("/api/v1/catalog/services").get("count").asInt()).isEqualTo(53);
		assertThat(get("/api/v1/catalog/localities").get("count").asInt()).isEqualTo(34);
		assertThat(get("/api/v1/catalog/localities?at=2025-06-30").get("count").asInt()).isEqualTo(63);
	}

	private static void assertLocality(JsonNode figure, String code, long received, long online, String rate) {
		assertThat(figure.get("localityCode").asString()).isEqualTo(code);
		assertThat(figure.get("volume").asLong()).isEqualTo(received);
		JsonNode onlineSubmission = figure.get("indicators").get("onlineSubmission");
		assertThat(onlineSubmission.get("denominator").asLong()).isEqualTo(received);
		assertThat(onlineSubmission.get("numerator").asLong()).isEqualTo(online);
		assertThat(onlineSubmission.get("rate").decimalValue()).isEqualByComparingTo(rate);
	}

	private static String submitted(String eventId, String applicationId, String locality, String channel) {
		String level = channel.equals("ONLINE") ? ",\"onlineLevel\":\"FULL\"" : "";
		return """
				{"eventId":"%s","type":"SUBMITTED","applicationId":"%s","localityCode":"%s","serviceCode":"P06-03",
				 "occurredAt":"2025-08-04T09:15:00+07:00","channel":"%s"%s}
				""".formatted(eventId, applicationId, locality, channel, level);
	}

	private int postEvent(String body) throws IOException, InterruptedException {
		return post("/api/v1/events", body).statusCode();
	}

}
