package vn.dvcpulse.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.dvcpulse.testsupport.TestTokens;

import static org.awaitility.Awaitility.await;

/**
 * The four services started from their packaged jars as separate JVMs, on free loopback ports, against the test
 * broker: the same jars and configuration a user starts, nothing mocked.
 */
final class RunningStack implements AutoCloseable {

	private static final List<String> SERVICES = List.of("service-catalog", "submission-tracker",
			"metrics-aggregator", "gateway");

	private final Map<String, Integer> ports = new LinkedHashMap<>();

	/** Each service's actuator: on a port of its own, never the API's. */
	private final Map<String, Integer> managementPorts = new LinkedHashMap<>();

	private final Map<String, Process> processes = new LinkedHashMap<>();

	private final Path logs = Path.of(System.getProperty("dvc.e2e.logs", "target/e2e-logs"));

	private final String kafkaBrokers;

	private Path state;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static RunningStack shared;

	/** One stack for all end-to-end tests of a run, stopped when the JVM ends. */
	static synchronized RunningStack shared(String kafkaBrokers) {
		if (shared == null) {
			shared = new RunningStack(kafkaBrokers);
		}
		return shared;
	}

	private RunningStack(String kafkaBrokers) {
		this.kafkaBrokers = kafkaBrokers;
		SERVICES.forEach((service) -> this.ports.put(service, freePort()));
		SERVICES.forEach((service) -> this.managementPorts.put(service, freePort()));
		try {
			Files.createDirectories(this.logs);
			this.state = Files.createTempDirectory("dvc-e2e-state");
			for (String service : SERVICES) {
				this.processes.put(service, start(service, kafkaBrokers, this.state));
			}
			Runtime.getRuntime().addShutdownHook(new Thread(this::close));
			SERVICES.forEach(this::awaitHealthy);
		}
		catch (IOException ex) {
			close();
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	URI gateway(String pathAndQuery) {
		return service("gateway", pathAndQuery);
	}

	/** The gateway's management port. */
	URI management(String pathAndQuery) {
		return management("gateway", pathAndQuery);
	}

	/** A service's management port: its health and its Prometheus metrics. */
	URI management(String service, String pathAndQuery) {
		return URI.create("http://127.0.0.1:" + this.managementPorts.get(service) + pathAndQuery);
	}

	/** A service's own loopback port, behind the gateway. */
	URI service(String name, String pathAndQuery) {
		return URI.create("http://127.0.0.1:" + this.ports.get(name) + pathAndQuery);
	}

	/**
	 * Kills a service at once, as a crash would (no shutdown, no commit, no leaving its group), starts it again on
	 * the same port and state folder, and waits until it is healthy.
	 */
	void crashAndRestart(String service) throws IOException, InterruptedException {
		Process process = this.processes.get(service);
		process.destroyForcibly();
		process.waitFor();
		this.processes.put(service, start(service, this.kafkaBrokers, this.state));
		awaitHealthy(service);
	}

	private Process start(String service, String kafkaBrokers, Path state) throws IOException {
		String jar = System.getProperty("dvc.jar." + service);
		if (jar == null || !Files.isRegularFile(Path.of(jar))) {
			throw new IllegalStateException("No runnable jar for " + service + " at " + jar
					+ ": run the end-to-end tests through './mvnw verify', which packages the services first");
		}
		List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx256m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-jar", jar, "--server.port=" + this.ports.get(service),
				"--server.address=127.0.0.1", "--spring.kafka.bootstrap-servers=" + kafkaBrokers,
				"--spring.kafka.streams.state-dir=" + state.resolve(service),
				// static membership, as in the local stack: a restarted instance takes its partitions back at once
				"--spring.kafka.streams.properties.group.instance.id=" + service + "-e2e"));
		// every service trusts the test issuer's tokens
		command.addAll(TestTokens.serviceArguments());
		command.add("--management.server.port=" + this.managementPorts.get(service));
		if (service.equals("gateway")) {
			for (String behind : SERVICES.subList(0, 3)) {
				command.add("--dvc.services." + behind + "=http://127.0.0.1:" + this.ports.get(behind));
			}
		}
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logs.resolve(service + ".log").toFile()))
			.start();
	}

	private void awaitHealthy(String service) {
		URI health = management(service, "/actuator/health");
		await(service + " healthy").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
			if (!this.processes.get(service).isAlive()) {
				throw new IllegalStateException(service + " exited; see " + this.logs.resolve(service + ".log"));
			}
			try {
				HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(health).build(),
						HttpResponse.BodyHandlers.ofString());
				return response.statusCode() == 200 && response.body().contains("\"UP\"");
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

	@Override
	public void close() {
		this.processes.values().forEach(Process::destroy);
		for (Process process : this.processes.values()) {
			try {
				if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
			}
		}
	}

	private static String javaBin() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
