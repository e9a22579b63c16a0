package vn.dvcpulse.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The repository's deploy folder, as the tests of what it holds read it. */
final class DeployFiles {

	/** The repository's root: the tests run in their module's folder. */
	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	static final Path DEPLOY = ROOT.resolve("deploy");

	/** Metric families the services export; a name in a query that starts so must be exported. */
	private static final Pattern METRIC = Pattern.compile(
			"\\b((?:dvc|http|jvm|kafka|resilience4j|spring_cloud_gateway|process|system|executor|tomcat|reactor)_[a-z0-9_]+)\\b");

	private DeployFiles() {
	}

	/** Every PromQL expression of the alert and recording rules. */
	@SuppressWarnings("unchecked")
	static List<String> ruleExpressions() {
		List<String> expressions = new ArrayList<>();
		for (Path file : files(DEPLOY.resolve("prometheus/rules"), "-alerts.yml")) {
			Map<String, Object> rules = yaml(file);
			for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
				for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
					expressions.add((String) rule.get("expr"));
				}
			}
		}
		return expressions;
	}

	/** Every PromQL expression of every dashboard panel. */
	static List<String> dashboardExpressions() {
		JsonMapper json = JsonMapper.builder().build();
		List<String> expressions = new ArrayList<>();
		for (Path file : files(DEPLOY.resolve("grafana/dashboards"), ".json")) {
			JsonNode dashboard = json.readTree(file.toFile());
			for (JsonNode panel : dashboard.get("panels")) {
				for (JsonNode target : panel.path("targets")) {
					expressions.add(target.get("expr").asString());
				}
			}
		}
		return expressions;
	}

	/** The metric names an expression reads (recording rules' own names, with a colon, are not metrics). */
	static Set<String> metricNames(String expression) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = METRIC.matcher(expression.replaceAll("\"[^\"]*\"", "\"\""));
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/** A service's {@code application.yml}, as the source tree holds it. */
	static String applicationYml(String service) {
		try {
			return Files.readString(ROOT.resolve(service + "/src/main/resources/application.yml"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether a service reads an environment variable: as a placeholder in its configuration, through relaxed
	 * binding of the access settings ({@code DVC_ACCESS_*}), or as the JVM does ({@code JAVA_TOOL_OPTIONS}).
	 */
	static boolean reads(String service, String variable) {
		String yml = applicationYml(service);
		return yml.contains("${" + variable + ":") || yml.contains("${" + variable + "}")
				|| variable.startsWith("DVC_ACCESS_") || variable.equals("JAVA_TOOL_OPTIONS");
	}

	static Map<String, Object> yaml(Path file) {
		try {
			return new Yaml().load(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Path> files(Path folder, String suffix) {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
