package vn.dvcpulse.catalog.store;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import vn.dvcpulse.contract.Topic;
import vn.dvcpulse.contract.Topics;

/**
 * The catalog's store: its compacted topics, read from the beginning to the end, and written in transactions, so
 * that an entry and its change record are stored together or not at all.
 */
final class CatalogTopics implements AutoCloseable {

	private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

	private final Map<String, Object> consumerProperties;

	private final KafkaProducer<String, Object> producer;

	CatalogTopics(Map<String, Object> consumerProperties, Map<String, Object> producerProperties,
			String transactionalId) {
		this.consumerProperties = new LinkedHashMap<>(consumerProperties);
		this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.consumerProperties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		this.consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		Map<String, Object> transactional = new LinkedHashMap<>(producerProperties);
		transactional.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
		this.producer = new KafkaProducer<>(transactional, new StringSerializer(), new RegistrySerializer());
		this.producer.initTransactions();
	}

	/** Every record of the topic, oldest first, up to the end offsets taken when the read began. */
	<V> void readAll(Topic<String, V> topic, Duration timeout, Consumer<ConsumerRecord<String, V>> each) {
		try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(this.consumerProperties,
				topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), timeout)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
			long deadline = System.nanoTime() + timeout.toNanos();
			while (!end.entrySet().stream().allMatch((e) -> consumer.position(e.getKey()) >= e.getValue())) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not read " + topic + " to its end in " + timeout);
				}
				consumer.poll(Duration.ofMillis(200)).forEach(each);
			}
		}
	}

	/** The latest value of every key of a compacted topic. */
	<V> Map<String, V> table(Topic<String, V> topic, Duration timeout) {
		Map<String, V> table = new LinkedHashMap<>();
		readAll(topic, timeout, (record) -> {
			if (record.value() == null) {
				table.remove(record.key());
			}
			else {
				table.put(record.key(), record.value());
			}
		});
		return table;
	}

	/** Writes the records in one transaction and waits for it to commit: all of them are stored, or none. */
	synchronized void writeTogether(List<ProducerRecord<String, Object>> records) {
		try {
			this.producer.beginTransaction();
			records.forEach(this.producer::send);
			this.producer.commitTransaction();
		}
		catch (KafkaException ex) {
			abort();
			throw new CatalogUnavailableException("The catalog change was not stored", ex);
		}
	}

	private void abort() {
		try {
			this.producer.abortTransaction();
		}
		catch (KafkaException ignored) {
			// the transaction is gone either way; the change was not stored
		}
	}

	static <V> ProducerRecord<String, Object> record(Topic<String, V> topic, String key, V value) {
		return new ProducerRecord<>(topic.name(), key, value);
	}

	@Override
	public void close() {
		this.producer.close(WRITE_TIMEOUT);
	}

	/** Writes each value with the serializer its topic declares in the registry. */
	private static final class RegistrySerializer implements Serializer<Object> {

		private final Map<String, Serializer<Object>> byTopic = new LinkedHashMap<>();

		@SuppressWarnings("unchecked")
		RegistrySerializer() {
			for (Topic<?, ?> topic : Topics.ALL) {
				this.byTopic.put(topic.name(), (Serializer<Object>) topic.valueSerde().serializer());
			}
		}

		@Override
		public byte[] serialize(String topic, Object data) {
			Serializer<Object> serializer = this.byTopic.get(topic);
			if (serializer == null) {
				throw new IllegalArgumentException("No topic named " + topic + " in the registry");
			}
			return serializer.serialize(topic, data);
		}

	}

}
