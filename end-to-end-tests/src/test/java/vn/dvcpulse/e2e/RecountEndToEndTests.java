package vn.dvcpulse.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.dvcpulse.access.Role;
import vn.dvcpulse.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The figures are trusted because they equal a recount: 10,000 generated applications (April to July 2025, across
 * the merger; Hà Giang until June) are posted through the gateway in batches, one in ten events twice, all
 * shuffled so that completions, payments and ratings often arrive before their receipt, with second, different
 * receipts for some, and the tracker and the aggregator are killed and restarted in the middle of the run; then
 * every figure the aggregate API gives, as recorded and in today's units, is compared with a recount of the same
 * list in plain Java.
 */
class RecountEndToEndTests extends ThroughTheGateway {

	static final String PERIOD = "from=2025-04-01&to=2025-07-31&granularity=month";

	static final ZoneOffset VIET_NAM = ZoneOffset.ofHours(7);

	/** One generated application and what happens to it. */
	record Application(String locality, String service, String id, OffsetDateTime receivedAt, String channel,
			String level, String paidBy, OffsetDateTime completedAt, boolean electronic, Integer rating) {

		OffsetDateTime dueAt() {
			return this.receivedAt.plusDays(7);
		}

		boolean online() {
			return this.channel.equals("ONLINE");
		}

	}

	@Test
	void tenThousandApplications_shuffledRepeatedLateAndThroughCrashes_giveTheFiguresOfARecount() throws Exception {
		Random random = new Random(20251123);
		List<Application> applications = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			applications.add(generate(random, i));
		}
		List<String> events = new ArrayList<>();
		for (Application application : applications) {
			List<String> own = events(application, random);
			events.addAll(own);
			own.stream().filter((event) -> random.nextInt(10) == 0).forEach(events::add);
		}
		Collections.shuffle(events, random);

		// each locality's system posts its own events (Tuyên Quang's also Hà Giang's), in batches of up to 1,000
		Map<String, List<String>> bySender = new LinkedHashMap<>();
		for (String event : events) {
			String locality = event.substring(event.indexOf("\"localityCode\":\"") + 16).substring(0, 2);
			bySender.computeIfAbsent(locality.equals("02") ? "08" : locality, (code) -> new ArrayList<>()).add(event);
		}
		int posted = 0;
		boolean crashed = false;
		for (int from = 0; posted < events.size(); from += 250) {
			for (Map.Entry<String, List<String>> sender : bySender.entrySet()) {
				List<String> own = sender.getValue();
				if (from >= own.size()) {
					continue;
				}
				List<String> batch = own.subList(from, Math.min(own.size(), from + 250));
				JsonNode result = postBatch("[" + String.join(",", batch) + "]",
						TestTokens.bearer(Role.SUBMITTER, sender.getKey()));
				assertThat(result.get("rejected").asInt()).as(result.toString()).isZero();
				posted += batch.size();
			}
			if (!crashed && posted >= events.size() / 2) {
				// crashes in the middle of the run: the tracker and the aggregator are killed while processing
				stack.crashAndRestart("metrics-aggregator");
				stack.crashAndRestart("submission-tracker");
				crashed = true;
			}
		}

		Map<String, List<Application>> asRecorded = group(applications, Application::locality);
		Map<String, List<Application>> current = group(applications,
				(application) -> application.locality().equals("02") ? "08" : application.locality());
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			JsonNode national = get("/api/v1/metrics/localities?" + PERIOD).get("national");
			assertThat(national.get("volume").asLong()).isEqualTo(applications.size());
			assertThat(national.get("satisfied").get("denominator").asLong())
				.isEqualTo(applications.stream().filter((a) -> a.rating() != null).count());
			assertThat(national.get("onlinePayment").get("numerator").asLong())
				.isEqualTo(count(applications, (a) -> a.paidBy() != null && !a.paidBy().equals("OFFLINE")));
		});

		assertFigures(get("/api/v1/metrics/localities?" + PERIOD + "&boundaries=as-recorded"), asRecorded);
		assertFigures(get("/api/v1/metrics/localities?" + PERIOD + "&boundaries=current"), current);
	}

	private static void assertFigures(JsonNode report, Map<String, List<Application>> expected) {
		JsonNode localities = report.get("localities");
		assertThat(localities).hasSize(expected.size());
		int i = 0;
		for (Map.Entry<String, List<Application>> entry : expected.entrySet()) {
			JsonNode figure = localities.get(i++);
			List<Application> apps = entry.getValue();
			JsonNode indicators = figure.get("indicators");
			assertThat(figure.get("localityCode").asString()).isEqualTo(entry.getKey());
			assertThat(figure.get("volume").asLong()).isEqualTo(apps.size());
			assertRate(indicators, "onlineSubmission", count(apps, Application::online), apps.size());
			List<Application> eligible = apps.stream().filter((a) -> !a.service().equals("P06-03")).toList();
			assertRate(indicators, "fullProcessOnline",
					count(eligible, (a) -> a.online() && a.level().equals("FULL")), eligible.size());
			List<Application> completed = apps.stream().filter((a) -> a.completedAt() != null).toList();
			assertRate(indicators, "onTime", count(completed, (a) -> !a.completedAt().isAfter(a.dueAt())),
					completed.size());
			assertRate(indicators, "electronicResult", count(completed, Application::electronic), completed.size());
			// every due time is in 2025: whatever is not completed is overdue by now
			assertThat(indicators.get("overdueInProgress").asLong()).as("overdueInProgress")
				.isEqualTo(apps.size() - completed.size());
			List<Application> feeBearing = apps.stream().filter((a) -> a.service().equals("P06-08")).toList();
			assertRate(indicators, "onlinePayment",
					count(feeBearing, (a) -> a.paidBy() != null && !a.paidBy().equals("OFFLINE")), feeBearing.size());
			List<Application> rated = apps.stream().filter((a) -> a.rating() != null).toList();
			assertRate(indicators, "satisfied", count(rated, (a) -> a.rating() >= 4), rated.size());
		}
	}

	private static void assertRate(JsonNode indicators, String name, long numerator, long denominator) {
		assertThat(indicators.get(name).get("numerator").asLong()).as(name + " numerator").isEqualTo(numerator);
		assertThat(indicators.get(name).get("denominator").asLong()).as(name + " denominator").isEqualTo(denominator);
	}

	private static Application generate(Random random, int n) {
		OffsetDateTime receivedAt = OffsetDateTime.of(2025, 4, 1, 7, 0, 0, 0, VIET_NAM)
			.plusDays(random.nextInt(122))
			.plusMinutes(random.nextInt(600));
		boolean beforeMerger = receivedAt.getMonthValue() < 7;
		String[] localities = beforeMerger ? new String[] { "01", "02", "08", "79" } : new String[] { "01", "08", "79" };
		String locality = localities[random.nextInt(localities.length)];
		String service = new String[] { "P06-03", "P06-05", "P06-08" }[random.nextInt(3)];
		String channel = new String[] { "ONLINE", "ONLINE", "IN_PERSON", "POSTAL" }[random.nextInt(4)];
		String level = random.nextBoolean() ? "FULL" : "PARTIAL";
		String paidBy = service.equals("P06-08") && random.nextInt(4) > 0
				? new String[] { "NATIONAL_PORTAL", "LOCAL_GATEWAY", "OFFLINE" }[random.nextInt(3)] : null;
		OffsetDateTime completedAt = (random.nextInt(5) > 0) ? receivedAt.plusDays(1 + random.nextInt(12)) : null;
		Integer rating = (completedAt != null && random.nextBoolean()) ? 1 + random.nextInt(5) : null;
		return new Application(locality, service, "RC-" + n, receivedAt, channel, level, paidBy, completedAt,
				random.nextBoolean(), rating);
	}

	private static List<String> events(Application a, Random random) {
		List<String> events = new ArrayList<>();
		String common = "\"applicationId\":\"" + a.id() + "\",\"localityCode\":\"" + a.locality()
				+ "\",\"serviceCode\":\"" + a.service() + "\"";
		events.add("{\"eventId\":\"" + a.id() + "-s\",\"type\":\"SUBMITTED\"," + common + ",\"occurredAt\":\""
				+ a.receivedAt() + "\",\"channel\":\"" + a.channel() + "\""
				+ (a.online() ? ",\"onlineLevel\":\"" + a.level() + "\"" : "") + ",\"dueAt\":\"" + a.dueAt() + "\"}");
		if (random.nextInt(50) == 0) {
			// a second, different receipt: the first counts, this one goes to the rejection feed
			events.add("{\"eventId\":\"" + a.id() + "-s2\",\"type\":\"SUBMITTED\"," + common + ",\"occurredAt\":\""
					+ a.receivedAt().plusHours(1) + "\",\"channel\":\"POSTAL\"}");
		}
		if (a.paidBy() != null) {
			events.add("{\"eventId\":\"" + a.id() + "-p\",\"type\":\"PAID\"," + common + ",\"occurredAt\":\""
					+ a.receivedAt().plusHours(2) + "\",\"paymentChannel\":\"" + a.paidBy()
					+ "\",\"amountVnd\":50000}");
		}
		if (a.completedAt() != null) {
			events.add("{\"eventId\":\"" + a.id() + "-c\",\"type\":\"COMPLETED\"," + common + ",\"occurredAt\":\""
					+ a.completedAt() + "\",\"electronicResult\":" + a.electronic() + ",\"outcome\":\"APPROVED\"}");
		}
		if (a.rating() != null) {
			events.add("{\"eventId\":\"" + a.id() + "-r\",\"type\":\"RATED\"," + common + ",\"occurredAt\":\""
					+ a.completedAt().plusHours(3) + "\",\"satisfaction\":" + a.rating() + "}");
		}
		return events;
	}

	private static Map<String, List<Application>> group(List<Application> applications,
			Function<Application, String> by) {
		Map<String, List<Application>> groups = new TreeMap<>();
		applications.forEach((a) -> groups.computeIfAbsent(by.apply(a), (k) -> new ArrayList<>()).add(a));
		return groups;
	}

	private static long count(List<Application> applications, Predicate<Application> which) {
		return applications.stream().filter(which).count();
	}

	/** A batch that must be answered 200, as JSON. */
	private JsonNode postBatch(String body, String authorization) throws Exception {
		HttpResponse<String> response = post("/api/v1/events:batch", body, authorization);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

}
