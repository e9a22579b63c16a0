package vn.dvcpulse.contract.streams;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' three exception handlers, each sending what failed to {@link DeadLetters} and going on with the
 * next record: one record can never stop a topology. Configured by {@link StreamProcessorConfiguration}.
 */
public final class DeadLetterHandlers {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterHandlers.class);

	private DeadLetterHandlers() {
	}

	/** What each handler is configured with: the dead letters, from the streams configuration. */
	abstract static class Configured implements Configurable {

		DeadLetters deadLetters;

		@Override
		public void configure(Map<String, ?> configs) {
			this.deadLetters = DeadLetters.from(configs);
		}

	}

	/** A record that could not be read. */
	public static class Deserialization extends Configured implements DeserializationExceptionHandler {

		@Override
		public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
				Exception exception) {
			return sent(() -> this.deadLetters.send(DeadLetters.Stage.DESERIALIZATION, record, exception))
					? DeserializationHandlerResponse.CONTINUE : DeserializationHandlerResponse.FAIL;
		}

	}

	/** A record a processor threw on. */
	public static class Processing extends Configured implements ProcessingExceptionHandler {

		@Override
		public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
			return sent(() -> this.deadLetters.send(DeadLetters.Stage.PROCESSING, DeadLetters.source(context),
					exception)) ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
		}

	}

	/** A result that could not be written (serialised, or sent): its source record is the dead letter. */
	public static class Production extends Configured implements ProductionExceptionHandler {

		@Override
		public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
				Exception exception) {
			return sent(context, exception);
		}

		@Override
		@SuppressWarnings("rawtypes")
		public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context,
				ProducerRecord record, Exception exception, SerializationExceptionOrigin origin) {
			return sent(context, exception);
		}

		private ProductionExceptionHandlerResponse sent(ErrorHandlerContext context, Exception exception) {
			return DeadLetterHandlers.sent(() -> this.deadLetters.send(DeadLetters.Stage.PRODUCTION,
					DeadLetters.source(context), exception)) ? ProductionExceptionHandlerResponse.CONTINUE
							: ProductionExceptionHandlerResponse.FAIL;
		}

	}

	private static boolean sent(Runnable send) {
		try {
			send.run();
			return true;
		}
		catch (RuntimeException ex) {
			log.error("The dead letter could not be written; the stream processor stops rather than lose it", ex);
			return false;
		}
	}

}
