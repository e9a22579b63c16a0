package vn.dvcpulse.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every manifest in {@code deploy/k8s} parses, and what it says of the four services matches their configuration:
 * ports, probes on the health groups, the variables they read, state volumes for the stream processors, and
 * autoscalers and services pointing at workloads that exist.
 */
@SuppressWarnings("unchecked")
class KubernetesManifestsTests {

	static final Map<String, String> PORTS = Map.of("service-catalog", "8081", "submission-tracker", "8082",
			"metrics-aggregator", "8083", "gateway", "8080");

	final List<Map<String, Object>> documents = documents();

	@Test
	void everyDocumentParses_andNamesItself() {
		assertThat(this.documents).hasSizeGreaterThan(10);
		for (Map<String, Object> document : this.documents) {
			assertThat(document).containsKeys("apiVersion", "kind", "metadata");
			assertThat(map(document, "metadata")).containsKey("name");
		}
	}

	@Test
	void eachServiceListensWhereItsConfigurationSays_andIsProbedOnItsHealthGroups() throws IOException {
		for (Map.Entry<String, String> service : PORTS.entrySet()) {
			Map<String, Object> container = container(service.getKey());
			String yml = DeployFiles.applicationYml(service.getKey());
			assertThat(yml).contains("${SERVER_PORT:" + service.getValue() + "}");
			assertThat(env(container)).containsEntry("SERVER_PORT", service.getValue());
			List<Map<String, Object>> ports = (List<Map<String, Object>>) container.get("ports");
			assertThat(ports).anySatisfy((port) -> assertThat(port.get("containerPort").toString())
				.isEqualTo(service.getValue()));
			// the actuator on its own port, where the probes and Prometheus ask
			String managementPort = yml.replaceAll("(?s).*\\$\\{MANAGEMENT_PORT:(\\d+)}.*", "$1");
			assertThat(env(container)).containsEntry("MANAGEMENT_PORT", managementPort);
			assertThat(ports).anySatisfy((port) -> {
				assertThat(port.get("name")).isEqualTo("management");
				assertThat(port.get("containerPort").toString()).isEqualTo(managementPort);
			});
			assertThat(probe(container, "livenessProbe")).containsEntry("path", "/actuator/health/liveness")
				.containsEntry("port", "management");
			assertThat(probe(container, "readinessProbe")).containsEntry("path", "/actuator/health/readiness")
				.containsEntry("port", "management");
			assertThat(map(map(container, "resources"), "requests")).containsKeys("cpu", "memory");
		}
	}

	@Test
	void everyVariableAServiceIsGiven_isOneItReads() throws IOException {
		Map<String, Map<String, Object>> configMaps = new HashMap<>();
		for (Map<String, Object> document : ofKind("ConfigMap")) {
			configMaps.put(name(document), map(document, "data"));
		}
		for (String service : PORTS.keySet()) {
			Map<String, Object> container = container(service);
			// a variable may also be read by Kubernetes itself, as $(NAME) in the arguments or in another variable
			String expanded = String.valueOf(container.get("args")) + env(container).values();
			for (String variable : env(container).keySet()) {
				assertThat(DeployFiles.reads(service, variable) || expanded.contains("$(" + variable + ")"))
					.as(service + " reads " + variable)
					.isTrue();
			}
			for (Map<String, Object> source : (List<Map<String, Object>>) container.get("envFrom")) {
				String configMap = map(source, "configMapRef").get("name").toString();
				assertThat(configMaps).as(service + " uses " + configMap).containsKey(configMap);
			}
		}
		// a shared entry is read by some service, a gateway entry by the gateway
		for (Map.Entry<String, Map<String, Object>> configMap : configMaps.entrySet()) {
			for (String variable : configMap.getValue().keySet()) {
				boolean read = false;
				for (String service : PORTS.keySet()) {
					read |= DeployFiles.reads(service, variable);
				}
				assertThat(read).as(configMap.getKey() + " " + variable).isTrue();
			}
		}
	}

	@Test
	void theStreamProcessorsKeepTheirStateAndNameAcrossRestarts() {
		for (String service : List.of("submission-tracker", "metrics-aggregator")) {
			Map<String, Object> workload = workload(service);
			assertThat(workload.get("kind")).isEqualTo("StatefulSet");
			List<Map<String, Object>> claims = (List<Map<String, Object>>) map(workload, "spec").get(
					"volumeClaimTemplates");
			assertThat(claims).extracting((claim) -> map(claim, "metadata").get("name")).contains("state");
			Map<String, Object> container = container(service);
			assertThat((List<Map<String, Object>>) container.get("volumeMounts"))
				.anySatisfy((mount) -> assertThat(mount).containsEntry("name", "state").containsEntry("mountPath",
						"/state"));
			assertThat((List<String>) container.get("args"))
				.contains("--spring.kafka.streams.properties.group.instance.id=$(POD_NAME)");
		}
		assertThat(configMap("dvc-config")).containsEntry("DVC_STATE_DIR", "/state");
	}

	@Test
	void autoscalersAndServicesPointAtWorkloadsThatExist() {
		List<String> scaled = new ArrayList<>();
		for (Map<String, Object> autoscaler : ofKind("HorizontalPodAutoscaler")) {
			Map<String, Object> target = map(map(autoscaler, "spec"), "scaleTargetRef");
			Map<String, Object> workload = workload(target.get("name").toString());
			assertThat(workload.get("kind")).isEqualTo(target.get("kind"));
			scaled.add(target.get("name").toString());
		}
		assertThat(scaled).containsExactlyInAnyOrder("gateway", "submission-tracker");
		for (Map<String, Object> service : ofKind("Service")) {
			Map<String, Object> selector = map(map(service, "spec"), "selector");
			String app = selector.get("app.kubernetes.io/name").toString();
			Map<String, Object> labels = map(map(map(map(workload(app), "spec"), "template"), "metadata"), "labels");
			assertThat(labels).containsAllEntriesOf(selector);
			for (Map<String, Object> port : (List<Map<String, Object>>) map(service, "spec").get("ports")) {
				assertThat((List<Map<String, Object>>) container(app).get("ports"))
					.anySatisfy((declared) -> assertThat(declared.get("name")).isEqualTo(port.get("targetPort")));
			}
		}
	}

	@Test
	void theServicesFindTheStrimziCluster() {
		Map<String, Object> kafka = ofKind("Kafka").get(0);
		String bootstrap = name(kafka) + "-kafka-bootstrap." + map(kafka, "metadata").get("namespace") + ".svc:9092";
		assertThat(configMap("dvc-config")).containsEntry("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
		assertThat(map(map(kafka, "metadata"), "annotations")).containsEntry("strimzi.io/kraft", "enabled");
		assertThat(ofKind("KafkaNodePool")).isNotEmpty();
	}


	private Map<String, Object> workload(String name) {
		return this.documents.stream()
			.filter((document) -> List.of("Deployment", "StatefulSet").contains(document.get("kind"))
					&& name(document).equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no workload " + name));
	}

	private Map<String, Object> container(String name) {
		List<Map<String, Object>> containers = (List<Map<String, Object>>) map(
				map(map(workload(name), "spec"), "template"), "spec").get("containers");
		return containers.get(0);
	}

	private Map<String, Object> configMap(String name) {
		return map(ofKind("ConfigMap").stream().filter((map) -> name(map).equals(name)).findFirst().orElseThrow(),
				"data");
	}

	private List<Map<String, Object>> ofKind(String kind) {
		return this.documents.stream().filter((document) -> kind.equals(document.get("kind"))).toList();
	}

	private static Map<String, Object> env(Map<String, Object> container) {
		Map<String, Object> env = new HashMap<>();
		for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("env")) {
			env.put(variable.get("name").toString(), variable.get("value"));
		}
		return env;
	}

	private static Map<String, Object> probe(Map<String, Object> container, String probe) {
		Map<String, Object> get = map(map(container, probe), "httpGet");
		Map<String, Object> flat = new HashMap<>(get);
		flat.put("port", get.get("port").toString());
		return flat;
	}

	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		Object child = parent.get(key);
		assertThat(child).as(key).isInstanceOf(Map.class);
		return (Map<String, Object>) child;
	}

	private static String name(Map<String, Object> document) {
		return map(document, "metadata").get("name").toString();
	}


	private static List<Map<String, Object>> documents() {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Path file : DeployFiles.files(DeployFiles.DEPLOY.resolve("k8s"), ".yaml")) {
			try {
				for (Object document : new Yaml().loadAll(Files.readString(file))) {
					if (document != null) {
						documents.add((Map<String, Object>) document);
					}
				}
			}
			catch (IOException ex) {
				throw new AssertionError(file + " cannot be read", ex);
			}
		}
		return documents;
	}

}
