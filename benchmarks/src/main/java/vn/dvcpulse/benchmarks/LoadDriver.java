package vn.dvcpulse.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load driver on the JDK HTTP client for the running stack: {@code single} posts one event per request,
 * {@code batch} posts batches, {@code query} asks for the national yearly ranking; each of {@code clients} threads
 * sends its next request as soon as the last is answered, for {@code seconds} (and at most {@code max-requests}
 * requests in all), and every event is new. Client {@code i} is one locality's system: it posts that locality's
 * events with its token from {@code --stack}'s {@code token} command (the local stack's issuer).
 *
 * <p>The events are new applications (a SUBMITTED event each) unless {@code --events lives}: then each application
 * lives its whole life, SUBMITTED, PAID, DIGITIZED, COMPLETED and RATED, one step per batch (a client's batches
 * take turns: the receipts of 500 applications, then their payments, and so on), so that the tracker reads and
 * writes applications' states as they grow, as a province's system makes it do.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar vn.dvcpulse.benchmarks.LoadDriver \
 *     --url http://127.0.0.1:8080 --mode batch --events lives --clients 4 --seconds 20
 * </pre>
 */
public final class LoadDriver {

	/** The national yearly ranking: every locality's indicators and ranks for the current year. */
	static final String RANKING = "/api/v1/metrics/localities?granularity=year";

	/** Queries per second per client unless told: under the gateway's limit for one committee client. */
	static final double QUERY_RATE = 40;

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.executor(Executors.newFixedThreadPool(Math.max(2, options.clients())))
			.build();
		String run = UUID.randomUUID().toString().substring(0, 8);
		// spread events over today's units and the named services, as a national load would be
		stack = options.stack();
		localities = codes(http, options.catalogUrl() + "/api/v1/catalog/localities", "\"code\":\"(\\d{2})\"");
		services = codes(http, options.catalogUrl() + "/api/v1/catalog/services?verified=true",
				"\"code\":\"([A-Z0-9-]+)\"");
		// warm up the path (connections, JIT) before measuring
		drive(http, options, run + "w", Math.min(5, options.seconds()), options.maxRequests());
		Result result = drive(http, options, run, options.seconds(), options.maxRequests());
		System.out.println(result.describe(options));
		System.exit(0);
	}

	static Result drive(HttpClient http, Options options, String run, int seconds, long maxRequests)
			throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		AtomicLong sent = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		ExecutorService clients = Executors.newFixedThreadPool(options.clients());
		List<Future<long[]>> latencies = new ArrayList<>();
		long started = System.nanoTime();
		for (int client = 0; client < options.clients(); client++) {
			int clientId = client;
			latencies.add(clients.submit(() -> {
				long[] samples = new long[1 << 16];
				int n = 0;
				long sequence = 0;
				long requests = 0;
				while (System.nanoTime() < deadline && sent.incrementAndGet() <= maxRequests) {
					HttpRequest.Builder request;
					if (options.query()) {
						request = HttpRequest.newBuilder(URI.create(options.url() + options.path()))
							.header("Authorization", token("COMMITTEE", null))
							.GET();
					}
					else {
						String body = options.batch()
								? batch(run, clientId, sequence, options.batchSize(), options.lives())
								: options.lives() ? step(run, clientId, sequence / STEPS.length,
										(int) (sequence % STEPS.length)) : event(run, clientId, sequence);
						sequence += options.batch() ? options.batchSize() : 1;
						String path = options.batch() ? "/api/v1/events:batch" : "/api/v1/events";
						request = HttpRequest.newBuilder(URI.create(options.url() + path))
							.header("Content-Type", "application/json")
							.header("Authorization", token("SUBMITTER", localityOf(clientId)))
							.POST(HttpRequest.BodyPublishers.ofString(body));
					}
					if (options.rate() > 0) {
						// paced: the n-th request of this client leaves n / rate seconds after the start
						long due = started + (long) (requests++ * 1e9 / options.rate());
						long wait = due - System.nanoTime();
						if (wait > 0) {
							Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
						}
					}
					long before = System.nanoTime();
					boolean answered;
					try {
						HttpResponse<Void> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
								HttpResponse.BodyHandlers.discarding());
						answered = response.statusCode() < 300;
					}
					catch (java.io.IOException ex) {
						answered = false;
					}
					if (!answered) {
						// a refusal (a 429 from the rate limit, a 503) is fast and says nothing of the work: counted
						// apart, never among the latencies
						failed.incrementAndGet();
						continue;
					}
					if (n == samples.length) {
						samples = Arrays.copyOf(samples, n * 2);
					}
					samples[n++] = System.nanoTime() - before;
				}
				return Arrays.copyOf(samples, n);
			}));
		}
		List<long[]> all = new ArrayList<>();
		for (Future<long[]> future : latencies) {
			all.add(future.get());
		}
		long elapsed = System.nanoTime() - started;
		clients.shutdown();
		long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		return new Result(merged, failed.get(), elapsed);
	}

	static List<String> localities = List.of("01", "79");

	static List<String> services = List.of("P06-03");

	static String stack = "deploy/local/stack";

	static final Map<String, String> tokens = new ConcurrentHashMap<>();

	/** Each client is one locality's system: it posts that locality's events with that locality's token. */
	static String localityOf(int client) {
		return localities.get(client % localities.size());
	}

	/** {@code Bearer <token>} of the local stack's issuer ({@code deploy/local/stack token}), one per role and locality. */
	static String token(String role, String locality) {
		return tokens.computeIfAbsent(role + "/" + locality, (key) -> {
			try {
				List<String> command = new ArrayList<>(List.of(stack, "token", role));
				if (locality != null) {
					command.add(locality);
				}
				Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
				String token = new String(process.getInputStream().readAllBytes()).trim();
				if (process.waitFor() != 0) {
					throw new IllegalStateException(String.join(" ", command) + ": " + token);
				}
				return "Bearer " + token;
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		});
	}

	static List<String> codes(HttpClient http, String url, String pattern) throws Exception {
		String body = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", token("OPERATOR", null))
			.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		List<String> codes = new ArrayList<>();
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(pattern).matcher(body);
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return codes;
	}

	static String event(String run, int client, long sequence) {
		String id = "LD-" + run + "-" + client + "-" + sequence;
		String locality = localityOf(client);
		String service = services.get((int) (sequence % services.size()));
		boolean online = sequence % 3 != 0;
		OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(7)).minusHours(1).truncatedTo(ChronoUnit.SECONDS);
		return "{\"eventId\":\"" + id + "-s\",\"type\":\"SUBMITTED\",\"applicationId\":\"" + id
				+ "\",\"localityCode\":\"" + locality + "\",\"serviceCode\":\"" + service + "\",\"occurredAt\":\"" + at
				+ "\",\"channel\":\"" + (online ? "ONLINE\",\"onlineLevel\":\"PARTIAL\"" : "IN_PERSON\"")
				+ ",\"dueAt\":\"" + at.plusDays(5) + "\"}";
	}

	/**
	 * An application's steps after its receipt (at 0) with the fields each type carries: paid online, digitised,
	 * completed on time with an electronic result, rated.
	 */
	static final String[] STEPS = { null,
			"\"type\":\"PAID\",\"paymentChannel\":\"NATIONAL_PORTAL\",\"amountVnd\":15000",
			"\"type\":\"DIGITIZED\",\"reusedData\":true",
			"\"type\":\"COMPLETED\",\"electronicResult\":true,\"outcome\":\"APPROVED\"",
			"\"type\":\"RATED\",\"satisfaction\":4" };

	/** Step {@code step} of {@code STEPS} of application {@code application}: its receipt ({@link #event}) at 0. */
	static String step(String run, int client, long application, int step) {
		if (step == 0) {
			return event(run, client, application);
		}
		String id = "LD-" + run + "-" + client + "-" + application;
		String service = services.get((int) (application % services.size()));
		// the receipt says an hour ago; each later step ten minutes after the one before, none in the future
		OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(7))
			.minusMinutes(60 - 10L * step)
			.truncatedTo(ChronoUnit.SECONDS);
		return "{\"eventId\":\"" + id + "-" + step + "\",\"applicationId\":\"" + id + "\",\"localityCode\":\""
				+ localityOf(client) + "\",\"serviceCode\":\"" + service + "\",\"occurredAt\":\"" + at + "\","
				+ STEPS[step] + "}";
	}

	/**
	 * The batch of a client that begins with its {@code first} event: new applications, or with {@code lives} one
	 * step of {@code size} applications, the step after the one their previous batch carried.
	 */
	static String batch(String run, int client, long first, int size, boolean lives) {
		long batch = first / size;
		int step = (int) (batch % STEPS.length);
		long firstApplication = batch / STEPS.length * size;
		StringBuilder body = new StringBuilder(size * 260).append('[');
		for (int i = 0; i < size; i++) {
			body.append((i > 0) ? "," : "")
				.append(lives ? step(run, client, firstApplication + i, step) : event(run, client, first + i));
		}
		return body.append(']').toString();
	}

	record Result(long[] latencies, long failed, long elapsedNanos) {

		double perSecond() {
			return this.latencies.length / (this.elapsedNanos / 1e9);
		}

		double millisAt(double quantile) {
			if (this.latencies.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.min(this.latencies.length - 1, Math.ceil(quantile * this.latencies.length) - 1);
			return this.latencies[Math.max(0, index)] / 1e6;
		}

		String describe(Options options) {
			double events = perSecond() * (options.batch() ? options.batchSize() : 1);
			return String.format(
					"mode=%s%s clients=%d%s requests=%d failed=%d seconds=%.1f requests/s=%.0f events/s=%.0f p50=%.1fms p99=%.1fms max=%.1fms",
					options.mode(), options.lives() ? " events=lives" : "", options.clients(),
					options.batch() ? " batch=" + options.batchSize() : "",
					this.latencies.length, this.failed, this.elapsedNanos / 1e9, perSecond(), events, millisAt(0.50),
					millisAt(0.99), millisAt(1.0));
		}

	}

	/**
	 * @param path what {@code query} asks for: the national yearly ranking unless given, e.g. one locality's
	 *             breakdown, {@code /api/v1/metrics/localities/01?granularity=month}
	 */
	record Options(String url, String mode, int clients, int seconds, int batchSize, long maxRequests, String stack,
			String path, String catalogUrl, double rate, boolean lives) {

		boolean batch() {
			return this.mode.equals("batch");
		}

		boolean query() {
			return this.mode.equals("query");
		}

		static Options parse(String[] args) {
			String url = "http://127.0.0.1:8080";
			String mode = "single";
			int clients = 16;
			int seconds = 20;
			int batchSize = 500;
			long maxRequests = 2_000_000;
			String stack = "deploy/local/stack";
			String path = RANKING;
			String catalogUrl = null;
			Double rate = null;
			String events = "new";
			if (args.length % 2 != 0) {
				throw new IllegalArgumentException("Options come in pairs (--mode single|batch|query, --events "
						+ "new|lives, --clients, --seconds, --batch, --max-requests, --rate, --path, --url, "
						+ "--catalog-url, --stack); see the class's comment");
			}
			for (int i = 0; i + 1 < args.length; i += 2) {
				switch (args[i]) {
					case "--url" -> url = args[i + 1];
					case "--mode" -> mode = args[i + 1];
					case "--clients" -> clients = Integer.parseInt(args[i + 1]);
					case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
					case "--batch" -> batchSize = Integer.parseInt(args[i + 1]);
					case "--max-requests" -> maxRequests = Long.parseLong(args[i + 1]);
					case "--stack" -> stack = args[i + 1];
					case "--path" -> path = args[i + 1];
					// to drive a service past the gateway, the catalog is read from where it is
					case "--catalog-url" -> catalogUrl = args[i + 1];
					// requests per second per client; 0 sends as fast as answers come
					case "--rate" -> rate = Double.parseDouble(args[i + 1]);
					// new applications only, or whole lives (see the class's comment)
					case "--events" -> events = args[i + 1];
					default -> throw new IllegalArgumentException("Unknown option " + args[i]);
				}
			}
			if (!List.of("single", "batch", "query").contains(mode)) {
				throw new IllegalArgumentException("--mode is single, batch or query");
			}
			if (!List.of("new", "lives").contains(events)) {
				throw new IllegalArgumentException("--events is new or lives");
			}
			// queries stay under the committee's rate limit per client (50/s), so that what is timed is the work
			double paced = (rate != null) ? rate : mode.equals("query") ? QUERY_RATE : 0;
			return new Options(url, mode, clients, seconds, batchSize, maxRequests, stack, path,
					(catalogUrl != null) ? catalogUrl : url, paced, events.equals("lives"));
		}

	}

	private LoadDriver() {
	}

}
