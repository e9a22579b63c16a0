package vn.dvcpulse.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of {@code docker-compose.yml} without a Docker engine: it parses, and every service, port,
 * image build and environment variable it names matches the services' own configuration and Dockerfiles.
 */
class ComposeFileTests {

	static final List<String> SERVICES = List.of("service-catalog", "submission-tracker", "metrics-aggregator",
			"gateway");

	@SuppressWarnings("unchecked")
	final Map<String, Object> compose = DeployFiles.yaml(DeployFiles.ROOT.resolve("docker-compose.yml"));

	@Test
	void theStackHasKafkaTheFourServicesPrometheusAndGrafana() {
		assertThat(services().keySet()).containsExactlyInAnyOrder("kafka", "service-catalog", "submission-tracker",
				"metrics-aggregator", "gateway", "prometheus", "grafana");
		assertThat(service("kafka").get("image").toString()).startsWith("apache/kafka:");
		assertThat(env("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
	}

	@Test
	void everyServiceIsBuiltFromItsModule_byADockerfileThatTakesTheJarMavenMakes() throws IOException {
		for (String name : SERVICES) {
			Path module = DeployFiles.ROOT.resolve(service(name).get("build").toString());
			assertThat(module.getFileName().toString()).isEqualTo(name);
			String dockerfile = Files.readString(module.resolve("Dockerfile"));
			String pom = Files.readString(DeployFiles.ROOT.resolve("pom.xml"));
			Matcher classifier = Pattern.compile("<classifier>(\\w+)</classifier>").matcher(pom);
			assertThat(classifier.find()).isTrue();
			assertThat(dockerfile).contains("COPY target/" + name + "-*-" + classifier.group(1) + ".jar app.jar")
				.contains("extract --layers --launcher")
				.contains("org.springframework.boot.loader.launch.JarLauncher");
		}
	}

	@Test
	void everyPublishedPort_isOnLoopback_andIsTheServicesOwn() throws IOException {
		services().forEach((name, service) -> {
			for (Object port : (List<Object>) ((Map<String, Object>) service).get("ports")) {
				assertThat(port.toString()).as(name).startsWith("127.0.0.1:");
			}
		});
		for (String name : SERVICES) {
			String defaultPort = defaultOf(DeployFiles.applicationYml(name), "SERVER_PORT");
			assertThat(env(name)).containsEntry("SERVER_PORT", Integer.valueOf(defaultPort));
			assertThat(ports(name)).contains("127.0.0.1:" + defaultPort + ":" + defaultPort);
			// the actuator on its own port, published and probed there
			String managementPort = defaultOf(DeployFiles.applicationYml(name), "MANAGEMENT_PORT");
			assertThat(env(name)).containsEntry("MANAGEMENT_PORT", Integer.valueOf(managementPort))
				.containsEntry("MANAGEMENT_ADDRESS", "0.0.0.0");
			assertThat(ports(name)).contains("127.0.0.1:" + managementPort + ":" + managementPort);
			assertThat(healthcheck(name)).contains("localhost:" + managementPort + "/actuator/health");
		}
	}

	@Test
	void everyEnvironmentVariable_isOneTheServiceReads() throws IOException {
		for (String name : SERVICES) {
			for (String variable : env(name).keySet()) {
				assertThat(DeployFiles.reads(name, variable)).as(name + " reads " + variable).isTrue();
			}
		}
		String dockerfileEnvironment = Files.readString(DeployFiles.ROOT.resolve("gateway/Dockerfile"));
		assertThat(dockerfileEnvironment).contains("SERVER_ADDRESS=0.0.0.0", "DVC_STATE_DIR=/state");
		for (String name : SERVICES) {
			assertThat(DeployFiles.applicationYml(name)).contains("${SERVER_ADDRESS:");
		}
		assertThat(DeployFiles.applicationYml("metrics-aggregator")).contains("${DVC_STATE_DIR:");
	}

	@Test
	void theGatewayReachesTheServicesByTheirComposeNamesAndPorts() throws IOException {
		Map<String, Object> gateway = env("gateway");
		assertThat(gateway).containsEntry("TRACKER_URI", "http://submission-tracker:8082")
			.containsEntry("CATALOG_URI", "http://service-catalog:8081")
			.containsEntry("AGGREGATOR_URI", "http://metrics-aggregator:8083");
		for (Object uri : List.of(gateway.get("TRACKER_URI"), gateway.get("CATALOG_URI"),
				gateway.get("AGGREGATOR_URI"))) {
			String host = uri.toString().replaceAll("http://([^:]+):.*", "$1");
			String port = uri.toString().replaceAll(".*:(\\d+)$", "$1");
			assertThat(env(host)).containsEntry("SERVER_PORT", Integer.valueOf(port));
		}
		assertThat(env("submission-tracker")).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
		assertThat(env("kafka").get("KAFKA_ADVERTISED_LISTENERS").toString()).contains("kafka:9092");
	}

	@Test
	void prometheusScrapesEveryServiceWhereItListens_andGrafanaReadsPrometheus() throws IOException {
		String prometheus = Files.readString(DeployFiles.DEPLOY.resolve("prometheus/prometheus.yml"));
		for (String name : SERVICES) {
			assertThat(prometheus).contains("\"" + name + ":" + env(name).get("MANAGEMENT_PORT") + "\"");
		}
		assertThat(Files.readString(DeployFiles.DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yml")))
			.contains("http://prometheus:9090");
		assertThat(ports("prometheus")).contains("127.0.0.1:9090:9090");
	}

	@Test
	void everyVariableTheFileUses_hasADefaultOrIsInTheExampleEnvironment() throws IOException {
		String file = Files.readString(DeployFiles.ROOT.resolve("docker-compose.yml"));
		String example = Files.readString(DeployFiles.ROOT.resolve(".env.example"));
		Set<String> needed = new TreeSet<>();
		Matcher variable = Pattern.compile("\\$\\{(\\w+)(:?[-?][^}]*)?}").matcher(file);
		while (variable.find()) {
			if (variable.group(2) == null || variable.group(2).startsWith(":?")) {
				needed.add(variable.group(1));
			}
		}
		assertThat(needed).contains("GRAFANA_ADMIN_PASSWORD");
		for (String name : needed) {
			assertThat(example).as(name).containsPattern("(?m)^" + name + "=");
		}
		assertThat(example).containsPattern("(?m)^GRAFANA_ADMIN_PASSWORD=$");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> services() {
		return (Map<String, Object>) this.compose.get("services");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> service(String name) {
		return (Map<String, Object>) services().get(name);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> env(String name) {
		return (Map<String, Object>) service(name).get("environment");
	}

	@SuppressWarnings("unchecked")
	private List<String> ports(String name) {
		return ((List<Object>) service(name).get("ports")).stream().map(Object::toString).toList();
	}

	@SuppressWarnings("unchecked")
	private String healthcheck(String name) {
		return String.join(" ", (List<String>) ((Map<String, Object>) service(name).get("healthcheck")).get("test"));
	}


	private static String defaultOf(String yml, String variable) {
		Matcher matcher = Pattern.compile("\\$\\{" + variable + ":(\\d+)}").matcher(yml);
		assertThat(matcher.find()).as(variable).isTrue();
		return matcher.group(1);
	}

}
