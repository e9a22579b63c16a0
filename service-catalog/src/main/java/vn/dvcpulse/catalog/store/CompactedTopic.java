package vn.dvcpulse.catalog.store;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

import vn.dvcpulse.contract.Topic;

/**
 * A compacted topic used as a table: read from the beginning to the end it gives the latest value of every key.
 */
final class CompactedTopic<V> {

	private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

	private final Topic<String, V> topic;

	private final Map<String, Object> consumerProperties;

	private final Map<String, Object> producerProperties;

	CompactedTopic(Topic<String, V> topic, Map<String, Object> consumerProperties,
			Map<String, Object> producerProperties) {
		this.topic = topic;
		this.consumerProperties = consumerProperties;
		this.producerProperties = producerProperties;
	}

	/** The latest value of every key, reading until the end offsets taken when the read began. */
	Map<String, V> readAll(Duration timeout) {
		Map<String, Object> properties = new LinkedHashMap<>(this.consumerProperties);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		Map<String, V> table = new LinkedHashMap<>();
		try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(properties,
				this.topic.keySerde().deserializer(), this.topic.valueSerde().deserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(this.topic.name(), timeout)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
			long deadline = System.nanoTime() + timeout.toNanos();
			while (!caughtUp(consumer, end)) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not read " + this.topic + " to its end in " + timeout);
				}
				for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.value() == null) {
						table.remove(record.key());
					}
					else {
						table.put(record.key(), record.value());
					}
				}
			}
		}
		return table;
	}

	/** Writes each value under its key and waits until every write is acknowledged. */
	void writeAll(List<V> values, Function<V, String> keyOf) {
		try (KafkaProducer<String, V> producer = new KafkaProducer<>(this.producerProperties,
				this.topic.keySerde().serializer(), this.topic.valueSerde().serializer())) {
			List<Future<RecordMetadata>> sent = values.stream()
				.map((value) -> producer.send(new ProducerRecord<>(this.topic.name(), keyOf.apply(value), value)))
				.toList();
			for (Future<RecordMetadata> ack : sent) {
				ack.get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while writing " + this.topic, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not write " + this.topic, ex);
		}
	}

	private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
		return end.entrySet().stream().allMatch((e) -> consumer.position(e.getKey()) >= e.getValue());
	}

}
