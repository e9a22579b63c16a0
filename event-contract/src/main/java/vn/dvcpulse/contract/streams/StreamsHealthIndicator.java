package vn.dvcpulse.contract.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * A stream processor is healthy when its Kafka Streams client is running: while it starts, rebalances or
 * restores, its state stores cannot be queried and its figures are not current, so readiness (and
 * {@code deploy/local/stack start}) waits for it.
 */
public class StreamsHealthIndicator extends AbstractHealthIndicator {

	private final StreamsBuilderFactoryBean streams;

	public StreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
		super("Kafka Streams health check failed");
		this.streams = streams;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		KafkaStreams client = this.streams.getKafkaStreams();
		KafkaStreams.State state = (client != null) ? client.state() : KafkaStreams.State.CREATED;
		(state == KafkaStreams.State.RUNNING ? builder.up() : builder.down()).withDetail("state", state.name());
	}

}
