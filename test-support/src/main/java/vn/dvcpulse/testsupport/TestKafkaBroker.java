package vn.dvcpulse.testsupport;

import java.util.Map;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Starts one real Kafka broker for a whole test run and publishes its address as the system property
 * {@value #BROKERS_PROPERTY}, which every test's configuration reads. Where a Docker engine runs, the broker is
 * the apache/kafka image through Testcontainers; elsewhere (the build machines) it is spring-kafka-test's embedded
 * KRaft broker. The same tests run on either.
 *
 * <p>Set {@code -Ddvc.test.kafka=embedded} or {@code =testcontainers} to choose instead of detecting, or
 * {@code =none} in a module whose tests cross no Kafka (the gateway: a broker there only takes CPU from its tests).
 */
public class TestKafkaBroker implements TestExecutionListener {

	public static final String BROKERS_PROPERTY = EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS;

	static final String IMAGE = "apache/kafka:4.1.2";

	private static final Logger log = LoggerFactory.getLogger(TestKafkaBroker.class);

	/** What a single broker needs for transactions (exactly-once streams) to start at all. */
	private static final Map<String, String> SINGLE_BROKER = Map.of(
			"offsets.topic.replication.factor", "1",
			"transaction.state.log.replication.factor", "1",
			"transaction.state.log.min.isr", "1",
			"share.coordinator.state.topic.replication.factor", "1",
			"share.coordinator.state.topic.min.isr", "1",
			"group.initial.rebalance.delay.ms", "0");

	private AutoCloseable running;

	@Override
	public void testPlanExecutionStarted(TestPlan testPlan) {
		if (System.getProperty(BROKERS_PROPERTY) != null) {
			return; // a broker given from outside wins
		}
		String choice = System.getProperty("dvc.test.kafka", "auto");
		if (choice.equals("none")) {
			return;
		}
		if (useDocker(choice)) {
			KafkaContainer container = new KafkaContainer(IMAGE);
			SINGLE_BROKER.forEach((key, value) -> container.withEnv("KAFKA_" + key.toUpperCase().replace('.', '_'), value));
			container.start();
			this.running = container::stop;
			System.setProperty(BROKERS_PROPERTY, container.getBootstrapServers());
		}
		else {
			EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
			broker.brokerProperties(SINGLE_BROKER);
			broker.afterPropertiesSet(); // sets the brokers property itself
			this.running = broker::destroy;
		}
		log.info("Test Kafka broker at {}", System.getProperty(BROKERS_PROPERTY));
	}

	@Override
	public void testPlanExecutionFinished(TestPlan testPlan) {
		if (this.running != null) {
			try {
				this.running.close();
			}
			catch (Exception ex) {
				log.warn("Test Kafka broker did not stop cleanly", ex);
			}
			this.running = null;
			System.clearProperty(BROKERS_PROPERTY);
		}
	}

	private static boolean useDocker(String choice) {
		return switch (choice) {
			case "embedded" -> false;
			case "testcontainers" -> true;
			default -> dockerAvailable();
		};
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

}
