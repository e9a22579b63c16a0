import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Realistic demo traffic through the gateway, for dashboards and APIs to show something real: run by
 * {@code deploy/local/stack demo [MINUTES]} (until stopped when no duration is given). Uses the JDK only.
 * <ul>
 * <li>applications in all 34 current localities, weighted by population, over the 53 services (both from the
 * catalog, read through the gateway);</li>
 * <li>each locality's system posts with its own token, and has its own online share, spread from about 20 % to 95 %;
 * <li>whole lives, a simulated day every {@value #SECONDS_PER_DAY} s: received, for fee-bearing services paid (online
 * or at the counter), digitised, completed on time or late, rated; a few withdrawn, a few never completed;</li>
 * <li>some backfilled applications of June 2025 under the codes of the units merged on 1 July 2025, posted by their
 * successor's system; some events posted twice; and a few bad events, which the door refuses.</li>
 * </ul>
 * Every 10 s it prints what it sent and how the door answered.
 */
public final class DemoTraffic {

	static final int SECONDS_PER_DAY = 20;

	static final ZoneOffset VIET_NAM = ZoneOffset.ofHours(7);

	/** Codes of the units merged on 2025-07-01 into a unit of another code: old code → successor (from the catalog). */
	private final Map<String, String> merged = new ConcurrentHashMap<>();

	record Locality(String code, long population, double onlineShare) {
	}

	record Service(String code, boolean feeBearing) {
	}

	/** An event to post at a moment. */
	record Step(Instant at, String locality, String body) {
	}

	private final String gateway;

	private final Path stack;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private final Random random = new Random();

	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	private final PriorityQueue<Step> due = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()));

	private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();

	private final AtomicLong sent = new AtomicLong();

	private List<Locality> localities;

	private List<Service> services;

	private long applications;

	DemoTraffic(String gateway, Path stack) {
		this.gateway = gateway;
		this.stack = stack;
	}

	public static void main(String[] args) throws Exception {
		String gateway = System.getenv().getOrDefault("DVC_GATEWAY", "http://127.0.0.1:8080");
		Path stack = Path.of(args[0]).toAbsolutePath();
		Duration duration = (args.length > 1) ? Duration.ofMinutes(Long.parseLong(args[1])) : null;
		double perSecond = (args.length > 2) ? Double.parseDouble(args[2]) : 5;
		new DemoTraffic(gateway, stack).run(duration, perSecond);
	}

	void run(Duration duration, double applicationsPerSecond) throws Exception {
		readCatalog();
		System.out.printf("Demo traffic through %s: %d localities, %d services, %.1f new applications/s, a day "
				+ "every %d s%s%n", this.gateway, this.localities.size(), this.services.size(),
				applicationsPerSecond, SECONDS_PER_DAY, (duration != null) ? " for " + duration.toMinutes() + " min"
						: " until stopped (Ctrl-C)");
		Instant end = (duration != null) ? Instant.now().plus(duration) : Instant.MAX;
		Instant nextReport = Instant.now().plusSeconds(10);
		double owed = 0;
		long lastTick = System.nanoTime();
		ExecutorService posting = Executors.newFixedThreadPool(8);
		while (Instant.now().isBefore(end)) {
			long now = System.nanoTime();
			owed += applicationsPerSecond * (now - lastTick) / 1e9;
			lastTick = now;
			while (owed >= 1) {
				owed--;
				newApplication();
			}
			synchronized (this.due) {
				while (!this.due.isEmpty() && !this.due.peek().at().isAfter(Instant.now())) {
					Step step = this.due.poll();
					posting.submit(() -> post(step));
				}
			}
			if (Instant.now().isAfter(nextReport)) {
				report();
				nextReport = nextReport.plusSeconds(10);
			}
			Thread.sleep(50);
		}
		posting.shutdown();
		posting.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
		report();
	}

	/** One application's whole life, scheduled; sometimes a backfill, a duplicate or a bad event besides. */
	private void newApplication() {
		Locality locality = pickLocality();
		Service service = this.services.get(this.random.nextInt(this.services.size()));
		String id = "DEMO-" + locality.code() + "-" + Long.toString(System.currentTimeMillis(), 36) + "-"
				+ (this.applications++);
		String code = locality.code();
		OffsetDateTime received = OffsetDateTime.now(VIET_NAM).truncatedTo(ChronoUnit.SECONDS);
		Instant postAt = Instant.now();
		if (this.random.nextInt(50) == 0) {
			// a backfill of June 2025 under the code of a unit merged since, sent by its successor's system
			List<String> merged = this.merged.entrySet().stream()
				.filter((entry) -> entry.getValue().equals(locality.code()))
				.map(Map.Entry::getKey)
				.toList();
			if (!merged.isEmpty()) {
				code = merged.get(this.random.nextInt(merged.size()));
				received = OffsetDateTime.of(2025, 6, 1 + this.random.nextInt(30), 8 + this.random.nextInt(9),
						this.random.nextInt(60), 0, 0, VIET_NAM);
			}
		}
		boolean online = this.random.nextDouble() < locality.onlineShare();
		int promisedDays = 3 + this.random.nextInt(12);
		boolean backfill = received.getYear() < OffsetDateTime.now(VIET_NAM).getYear();
		// a backfill's life is in real days; a live one's in simulated days, so that some are really late
		OffsetDateTime dueAt = backfill ? received.plusDays(promisedDays)
				: received.plusSeconds((long) promisedDays * SECONDS_PER_DAY);
		String common = "\"applicationId\":\"" + id + "\",\"localityCode\":\"" + code + "\",\"serviceCode\":\""
				+ service.code() + "\"";
		schedule(postAt, locality.code(), "{\"eventId\":\"" + id + "-s\",\"type\":\"SUBMITTED\"," + common
				+ ",\"occurredAt\":\"" + received + "\",\"channel\":\"" + (online ? "ONLINE"
						: (this.random.nextInt(10) == 0) ? "POSTAL" : "IN_PERSON")
				+ "\"" + (online ? ",\"onlineLevel\":\"" + (this.random.nextBoolean() ? "FULL" : "PARTIAL") + "\"" : "")
				+ ",\"dueAt\":\"" + dueAt + "\",\"citizenRef\":\"" + pseudonym(this.random.nextInt(2_000_000)) + "\"}");
		double day = 0;
		if (this.random.nextInt(40) == 0) {
			day += 0.5 + this.random.nextDouble();
			later(postAt, day, received, locality.code(), id + "-w", "WITHDRAWN", common, ",\"reason\":\"applicant withdrew\"");
			return;
		}
		if (service.feeBearing()) {
			day += 0.2 + this.random.nextDouble();
			String channel = online ? (this.random.nextInt(4) == 0 ? "OFFLINE"
					: this.random.nextBoolean() ? "NATIONAL_PORTAL" : "LOCAL_GATEWAY") : "OFFLINE";
			later(postAt, day, received, locality.code(), id + "-p", "PAID", common, ",\"paymentChannel\":\"" + channel
					+ "\",\"amountVnd\":" + (10 + this.random.nextInt(90)) * 1000);
		}
		if (this.random.nextInt(3) > 0) {
			day += 0.3 + this.random.nextDouble();
			later(postAt, day, received, locality.code(), id + "-d", "DIGITIZED", common,
					",\"reusedData\":" + this.random.nextBoolean());
		}
		if (this.random.nextInt(20) == 0) {
			return; // still in progress: it will fall overdue
		}
		// most on time, some late
		day += (this.random.nextInt(6) == 0) ? promisedDays + 1 + this.random.nextInt(5)
				: 1 + this.random.nextDouble() * (promisedDays - 1.5);
		later(postAt, day, received, locality.code(), id + "-c", "COMPLETED", common, ",\"electronicResult\":"
				+ (this.random.nextInt(10) < 7) + ",\"outcome\":\"" + (this.random.nextInt(20) == 0 ? "REFUSED" : "APPROVED")
				+ "\"");
		if (this.random.nextInt(3) == 0) {
			day += 0.1 + this.random.nextDouble();
			int rating = Math.min(5, Math.max(1, (int) Math.round(4 + this.random.nextGaussian())));
			later(postAt, day, received, locality.code(), id + "-r", "RATED", common, ",\"satisfaction\":" + rating);
		}
		if (this.random.nextInt(100) == 0) {
			// a bad event: no channel on a receipt
			schedule(postAt, locality.code(), "{\"eventId\":\"" + id + "-bad\",\"type\":\"SUBMITTED\"," + common
					+ ",\"occurredAt\":\"" + received + "\"}");
		}
	}

	/** A later step, {@code days} simulated days after the receipt; a few are posted twice. */
	private void later(Instant postAt, double days, OffsetDateTime received, String sender, String eventId,
			String type, String common, String fields) {
		OffsetDateTime occurred = received.plusSeconds((long) (days * 86_400));
		Instant when = postAt.plusMillis((long) (days * SECONDS_PER_DAY * 1000));
		if (occurred.isAfter(OffsetDateTime.now(VIET_NAM).plusDays(30))) {
			return;
		}
		// a step of a backfill happened long ago: post it now, with its own time
		OffsetDateTime at = received.getYear() < OffsetDateTime.now(VIET_NAM).getYear() ? occurred
				: OffsetDateTime.ofInstant(when, VIET_NAM).truncatedTo(ChronoUnit.SECONDS);
		String body = "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\"," + common + ",\"occurredAt\":\""
				+ at + "\"" + fields + "}";
		schedule(when, sender, body);
		if (this.random.nextInt(30) == 0) {
			schedule(when.plusSeconds(2), sender, body);
		}
	}

	private void schedule(Instant at, String sender, String body) {
		synchronized (this.due) {
			this.due.add(new Step(at, sender, body));
		}
	}

	private void post(Step step) {
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.gateway + "/api/v1/events"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + token("SUBMITTER", step.locality()))
				.timeout(Duration.ofSeconds(10))
				.POST(HttpRequest.BodyPublishers.ofString(step.body()))
				.build(), HttpResponse.BodyHandlers.ofString());
			this.sent.incrementAndGet();
			String answer = response.statusCode() + ((response.statusCode() == 200) ? " duplicate"
					: (response.statusCode() == 202) ? " accepted" : " " + type(response.body()));
			this.answers.computeIfAbsent(answer, (a) -> new AtomicLong()).incrementAndGet();
		}
		catch (IOException | InterruptedException ex) {
			this.answers.computeIfAbsent("no answer: " + ex.getClass().getSimpleName(), (a) -> new AtomicLong())
				.incrementAndGet();
		}
	}

	private void report() {
		int pending;
		synchronized (this.due) {
			pending = this.due.size();
		}
		System.out.printf("%s  %,d applications started, %,d events sent, %,d waiting; answers: %s%n",
				OffsetDateTime.now(VIET_NAM).toLocalTime().truncatedTo(ChronoUnit.SECONDS), this.applications,
				this.sent.get(), pending, new java.util.TreeMap<>(this.answers));
	}

	private Locality pickLocality() {
		long total = this.localities.stream().mapToLong(Locality::population).sum();
		long pick = (long) (this.random.nextDouble() * total);
		for (Locality locality : this.localities) {
			pick -= locality.population();
			if (pick < 0) {
				return locality;
			}
		}
		return this.localities.get(this.localities.size() - 1);
	}

	private void readCatalog() throws Exception {
		String operator = token("OPERATOR", null);
		String units = get("/api/v1/catalog/localities", operator);
		this.localities = new ArrayList<>();
		Matcher unit = Pattern.compile("\"code\":\"(\\d{2})\".*?\"population\":(\\d+|null)").matcher(units);
		while (unit.find()) {
			String code = unit.group(1);
			long population = unit.group(2).equals("null") ? 1_000_000 : Long.parseLong(unit.group(2));
			// a spread of online shares from about 20 % to 95 %, the same for a code on every run
			double share = 0.20 + 0.75 * (Math.floorMod(code.hashCode() * 2654435761L, 1000) / 1000.0);
			this.localities.add(new Locality(code, population, share));
		}
		String before = get("/api/v1/catalog/localities?at=2025-06-30", operator);
		Matcher old = Pattern.compile("\"code\":\"(\\d{2})\"[^{}]*?\"successorCode\":\"(\\d{2})\"").matcher(before);
		while (old.find()) {
			if (!old.group(1).equals(old.group(2))) {
				this.merged.put(old.group(1), old.group(2));
			}
		}
		String catalog = get("/api/v1/catalog/services", operator);
		this.services = new ArrayList<>();
		Matcher service = Pattern.compile("\\{\"code\":\"([A-Z0-9-]+)\".*?\"feeBearing\":(true|false|null)")
			.matcher(catalog);
		while (service.find()) {
			this.services.add(new Service(service.group(1), "true".equals(service.group(2))));
		}
		if (this.localities.isEmpty() || this.services.isEmpty()) {
			throw new IllegalStateException("The catalog answered with no localities or services: is the stack up?");
		}
	}

	private String get(String path, String token) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.gateway + path))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	/** A token of the local issuer, from {@code deploy/local/stack token}, one per role and locality. */
	private String token(String role, String locality) {
		return this.tokens.computeIfAbsent(role + "/" + locality, (key) -> {
			try {
				List<String> command = new ArrayList<>(List.of(this.stack.toString(), "token", role));
				if (locality != null) {
					command.add(locality);
				}
				Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
				String token = new String(process.getInputStream().readAllBytes()).trim();
				if (process.waitFor() != 0) {
					throw new IllegalStateException("stack token " + role + ": " + token);
				}
				return token;
			}
			catch (IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private static String type(String problem) {
		Matcher type = Pattern.compile("urn:dvc-pulse:problem:([a-z-]+)").matcher(problem);
		return type.find() ? type.group(1) : "?";
	}

	/**
	 * A citizen's pseudonym as a local system makes it: HMAC-SHA-256 of the ID number with the system's own secret,
	 * as 64 lowercase hex digits (the demo's citizens are numbered, its secret is fixed).
	 */
	static String pseudonym(int citizen) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec("demo-local-system-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(String.format("%012d", citizen).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
