package vn.dvcpulse.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Freshness as a client sees it: while a steady load of {@code rate} events a second is posted through the gateway
 * (batches of 100, one client per locality), a probe posts one receipt of a service the load never uses, takes the
 * time of its {@code 202}, and asks the aggregate API until that service's volume counts it: the time between is one
 * sample. Probes follow each other for {@code seconds}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar vn.dvcpulse.benchmarks.FreshnessProbe --rate 5000 --seconds 60
 * </pre>
 */
public final class FreshnessProbe {

	/** How long a probe is waited for before the run ends, the figures being too far behind to measure. */
	private static final Duration GIVE_UP = Duration.ofSeconds(30);

	/**
	 * Between two reads of the figures: a committee client may make 50 requests a second, and a refusal ({@code 429})
	 * must not be read as a figure.
	 */
	private static final Duration POLL_EVERY = Duration.ofMillis(25);

	/**
	 * Probes acknowledged this long into the probing (which starts 5 s into the load) are also reported apart, as the
	 * settled figures: the stream processors run C2, which compiles their hot paths during the first 20–30 s at a new
	 * load, and the slow probes of a run cluster there.
	 */
	private static final Duration SETTLING = Duration.ofSeconds(30);

	private static final Pattern NATIONAL_VOLUME = Pattern.compile("\"national\":\\{\"volume\":(\\d+)");

	private FreshnessProbe() {
	}

	public static void main(String[] args) throws Exception {
		String url = "http://127.0.0.1:8080";
		int rate = 5000;
		int seconds = 60;
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--url" -> url = args[i + 1];
				case "--rate" -> rate = Integer.parseInt(args[i + 1]);
				case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
				case "--stack" -> LoadDriver.stack = args[i + 1];
				default -> throw new IllegalArgumentException("Unknown option " + args[i]);
			}
		}
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		LoadDriver.localities = LoadDriver.codes(http, url + "/api/v1/catalog/localities", "\"code\":\"(\\d{2})\"");
		LoadDriver.services = LoadDriver.codes(http, url + "/api/v1/catalog/services?verified=true",
				"\"code\":\"([A-Z0-9-]+)\"");
		String probeService = LoadDriver
			.codes(http, url + "/api/v1/catalog/services?verified=false", "\"code\":\"([A-Z0-9-]+)\"")
			.get(0);

		String run = UUID.randomUUID().toString().substring(0, 8);
		AtomicBoolean loading = new AtomicBoolean(true);
		AtomicLong posted = new AtomicLong();
		AtomicLong refused = new AtomicLong();
		int clients = 8;
		int batch = 100;
		double batchesPerClientPerSecond = rate / (double) clients / batch;
		// daemons: whatever happens to the probe, the load does not keep the process alive
		ExecutorService load = Executors.newFixedThreadPool(clients, (task) -> {
			Thread thread = new Thread(task, "load");
			thread.setDaemon(true);
			return thread;
		});
		String target = url;
		for (int client = 0; client < clients; client++) {
			int id = client;
			load.submit(() -> {
				long sequence = 0;
				long next = System.nanoTime();
				while (loading.get()) {
					String body = LoadDriver.batch(run, id, sequence, batch, false);
					sequence += batch;
					int status = http.send(HttpRequest.newBuilder(URI.create(target + "/api/v1/events:batch"))
						.header("Content-Type", "application/json")
						.header("Authorization", LoadDriver.token("SUBMITTER", LoadDriver.localityOf(id)))
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
					if (status == 200) {
						posted.addAndGet(batch);
					}
					else {
						refused.incrementAndGet();
					}
					next += (long) (1e9 / batchesPerClientPerSecond);
					long wait = next - System.nanoTime();
					if (wait > 0) {
						TimeUnit.NANOSECONDS.sleep(wait);
					}
				}
				return null;
			});
		}
		Thread.sleep(5_000); // the load settles before the first probe

		String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
		// the month, as the committee reads a service; a day's figures are summed from every partition's part at each
		// ask, which at 40 asks a second took a fifth of the aggregator's CPU from the counting being measured
		String volumePath = "/api/v1/metrics/services/" + probeService + "?from=" + today + "&to=" + today
				+ "&granularity=month";
		List<Long> samples = new ArrayList<>();
		List<Long> settled = new ArrayList<>();
		long loadStarted = System.nanoTime();
		long postedAtStart = posted.get();
		long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		int probe = 0;
		while (System.nanoTime() < deadline) {
			long before = volume(http, url + volumePath);
			String event = LoadDriver.event("probe-" + run, 0, probe++).replaceFirst("\"serviceCode\":\"[^\"]+\"",
					"\"serviceCode\":\"" + probeService + "\"");
			HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/events"))
				.header("Content-Type", "application/json")
				.header("Authorization", LoadDriver.token("SUBMITTER", LoadDriver.localityOf(0)))
				.POST(HttpRequest.BodyPublishers.ofString(event))
				.build(), HttpResponse.BodyHandlers.ofString());
			long acknowledged = System.nanoTime();
			if (accepted.statusCode() != 202) {
				// refused (the door is saturated, say): as a client would, wait and send another probe
				refused.incrementAndGet();
				Thread.sleep(1_000);
				continue;
			}
			boolean counted = false;
			while (!counted && System.nanoTime() - acknowledged < GIVE_UP.toNanos()) {
				Thread.sleep(POLL_EVERY.toMillis());
				counted = volume(http, url + volumePath) > before;
			}
			long took = System.nanoTime() - acknowledged;
			samples.add(took);
			if (acknowledged - loadStarted >= SETTLING.toNanos()) {
				settled.add(took);
			}
			// each probe on its own line, so that a slow one can be matched with what the services logged then
			System.out.printf("probe %d acknowledged at +%.1f s, %s after %d ms%n", probe,
					(acknowledged - loadStarted) / 1e9, counted ? "counted" : "not counted", took / 1_000_000);
			if (!counted) {
				// the aggregator does not keep up with the load: later probes would wait behind this one
				System.out.printf("a probe was not counted within %d s: the figures fall behind this load%n",
						GIVE_UP.toSeconds());
				break;
			}
		}
		double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
		long loadEvents = posted.get() - postedAtStart;
		loading.set(false);
		load.shutdown();
		load.awaitTermination(30, TimeUnit.SECONDS);
		long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
		long[] sortedSettled = settled.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf(
				"mode=freshness load=%.0f events/s refused=%d requests probes=%d p50=%.0fms p99=%.0fms max=%.0fms"
						+ " settledprobes=%d settled50=%.0fms settled99=%.0fms%n",
				loadEvents / loadSeconds, refused.get(), sorted.length, at(sorted, 0.5), at(sorted, 0.99),
				at(sorted, 1.0), sortedSettled.length, at(sortedSettled, 0.5), at(sortedSettled, 0.99));
		System.exit(0);
	}

	/**
	 * The probe service's volume today, asked again until the figures are served (not refused, not restoring).
	 * @throws IllegalStateException when they were not served for {@link #GIVE_UP}: the run cannot measure
	 */
	private static long volume(HttpClient http, String url) throws Exception {
		long deadline = System.nanoTime() + GIVE_UP.toNanos();
		while (true) {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Authorization", LoadDriver.token("COMMITTEE", null))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() == 200) {
				Matcher volume = NATIONAL_VOLUME.matcher(answer.body());
				return volume.find() ? Long.parseLong(volume.group(1)) : 0;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The figures were not served for " + GIVE_UP.toSeconds()
						+ " s; the last answer was " + answer.statusCode());
			}
			Thread.sleep(POLL_EVERY.toMillis());
		}
	}

	private static double at(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

}
