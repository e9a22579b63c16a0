package vn.dvcpulse.contract.streams;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

import vn.dvcpulse.contract.Topics;

/**
 * Where a stream processor puts a record it cannot read, process or write, instead of stopping: the dead-letter
 * topic, through Spring Kafka's {@link DeadLetterPublishingRecoverer}, which keeps the record's bytes and adds the
 * cause, the source topic, partition and offset as {@code kafka_dlt-*} headers. Each is counted
 * ({@code dvc.streams.dead.letters}) and logged; nothing is dropped silently. When even the dead letter cannot be
 * written, the handler fails the client, as Kafka Streams would have.
 */
public class DeadLetters {

	/** The streams configuration key under which the handlers find this. */
	public static final String CONFIG = "dvc.dead-letters";

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	/** Where the record was when it failed. */
	public enum Stage {

		DESERIALIZATION, PROCESSING, PRODUCTION

	}

	private final DeadLetterPublishingRecoverer recoverer;

	private final Map<Stage, Counter> counters;

	public DeadLetters(KafkaOperations<byte[], byte[]> template, MeterRegistry meters) {
		this.recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.DEAD_LETTERS.name(), -1));
		this.counters = Map.of(Stage.DESERIALIZATION, counter(meters, Stage.DESERIALIZATION), Stage.PROCESSING,
				counter(meters, Stage.PROCESSING), Stage.PRODUCTION, counter(meters, Stage.PRODUCTION));
	}

	private static Counter counter(MeterRegistry meters, Stage stage) {
		return Counter.builder("dvc.streams.dead.letters")
			.description("Records a stream processor could not read, process or write, sent to the dead-letter topic")
			.tag("stage", stage.name().toLowerCase(Locale.ROOT))
			.register(meters);
	}

	/** Writes the dead letter and waits for Kafka to have it; throws when it could not. */
	public void send(Stage stage, ConsumerRecord<?, ?> record, Exception cause) {
		log.warn("Dead letter from {}-{}@{} ({}): {}", record.topic(), record.partition(), record.offset(),
				stage.name().toLowerCase(Locale.ROOT), cause.toString());
		this.recoverer.accept(record, null, cause);
		this.counters.get(stage).increment();
	}

	/** The source record of a failure, as it was read, from what Kafka Streams tells of it. */
	static ConsumerRecord<byte[], byte[]> source(ErrorHandlerContext context) {
		return new ConsumerRecord<>(context.topic(), context.partition(), context.offset(), context.timestamp(),
				TimestampType.CREATE_TIME, ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, context.sourceRawKey(),
				context.sourceRawValue(), context.headers(), Optional.empty());
	}

	/** The instance a handler was configured with. */
	static DeadLetters from(Map<String, ?> configs) {
		Object deadLetters = configs.get(CONFIG);
		if (!(deadLetters instanceof DeadLetters found)) {
			throw new IllegalStateException("No " + CONFIG + " in the streams configuration");
		}
		return found;
	}

}
