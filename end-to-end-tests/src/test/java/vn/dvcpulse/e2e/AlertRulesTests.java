package vn.dvcpulse.e2e;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The alert rules pass promtool's checks and their own unit tests ({@code deploy/prometheus/rules/*.test.yml}).
 * Needs {@code promtool} on the PATH (Debian's {@code prometheus} package; {@code .ci/run} installs it); where it is
 * missing the test is skipped and says so.
 */
class AlertRulesTests {

	static final Path RULES = DeployFiles.DEPLOY.resolve("prometheus/rules");

	@BeforeAll
	static void promtoolIsThere() {
		assumeThat(onPath("promtool")).as("promtool is not installed (apt-get install prometheus): the alert rules' "
				+ "unit tests are not run here").isTrue();
	}

	@Test
	void theRulesAreValid() throws Exception {
		assertThat(promtool("check", "rules", "dvc-alerts.yml")).contains("SUCCESS");
	}

	@Test
	void everyAlertPassesItsUnitTests() throws Exception {
		String output = promtool("test", "rules", "dvc-alerts.test.yml");
		assertThat(output).contains("SUCCESS").doesNotContain("FAILED");
	}

	@Test
	void thePrometheusConfigurationIsValid() throws Exception {
		assertThat(promtool(DeployFiles.DEPLOY.resolve("prometheus").toFile(), "check", "config", "--syntax-only",
				"prometheus.yml")).contains("SUCCESS");
	}

	private static String promtool(String... arguments) throws Exception {
		return promtool(RULES.toFile(), arguments);
	}

	private static String promtool(File folder, String... arguments) throws Exception {
		List<String> command = new java.util.ArrayList<>(List.of("promtool"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(folder).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private static boolean onPath(String command) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (new File(dir, command).canExecute()) {
				return true;
			}
		}
		return false;
	}

}
