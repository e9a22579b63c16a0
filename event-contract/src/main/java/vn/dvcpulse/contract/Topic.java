package vn.dvcpulse.contract;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.springframework.kafka.config.TopicBuilder;

/**
 * One Kafka topic as every producer, consumer and test must see it: its name, the types of its keys and values
 * and how they are written, and how it is kept.
 *
 * @param name       the topic's name, versioned so that an incompatible format gets a new topic
 * @param keySerde   how keys are written
 * @param valueSerde how values are written
 * @param partitions the partition count; topics joined by key must agree, so it is fixed here, not per service
 * @param retention  how long records are kept
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions, Retention retention) {

	/** The topic's declaration for {@code KafkaAdmin}; replication is left to the broker's default. */
	public NewTopic newTopic() {
		TopicBuilder builder = TopicBuilder.name(this.name).partitions(this.partitions);
		switch (this.retention) {
			case COMPACTED -> builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
			case FOREVER -> builder.config(TopicConfig.RETENTION_MS_CONFIG, "-1")
				.config(TopicConfig.RETENTION_BYTES_CONFIG, "-1");
		}
		return builder.build();
	}

	@Override
	public String toString() {
		return this.name;
	}

	public enum Retention {

		/** A table: the latest value of each key is kept, older ones may go. */
		COMPACTED,
		/** A record of what happened: nothing is deleted, so every figure can be recounted from it. */
		FOREVER

	}

}
