package vn.dvcpulse.contract.streams;

import java.util.Map;
import java.util.Properties;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

import vn.dvcpulse.contract.Topics;

/** What every Kafka Streams service of DVC Pulse shares in how its streams client runs; import it. */
@Configuration(proxyBeanMethods = false)
public class StreamProcessorConfiguration {

	/** A stopped instance leaves its group at once, so its successor does not wait out the session timeout. */
	@Bean
	StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose() {
		return (factory) -> factory.setLeaveGroupOnClose(true);
	}

	/** No record can stop the topology: what cannot be read, processed or written becomes a dead letter. */
	@Bean
	StreamsBuilderFactoryBeanConfigurer deadLetterHandlers(DeadLetters deadLetters) {
		return (factory) -> {
			Properties configuration = factory.getStreamsConfiguration();
			configuration.putAll(handlers(deadLetters));
			factory.setStreamsConfiguration(configuration);
		};
	}

	/** The handlers' part of a streams configuration, for the application and for its topology tests alike. */
	public static Map<String, Object> handlers(DeadLetters deadLetters) {
		return Map.of(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
				DeadLetterHandlers.Deserialization.class, StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
				DeadLetterHandlers.Processing.class, StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
				DeadLetterHandlers.Production.class, DeadLetters.CONFIG, deadLetters);
	}

	@Bean
	DeadLetters deadLetters(KafkaProperties kafka, MeterRegistry meters) {
		Map<String, Object> producer = kafka.buildProducerProperties();
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		return new DeadLetters(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer,
				new ByteArraySerializer(), new ByteArraySerializer())), meters);
	}

	@Bean
	KafkaAdmin.NewTopics deadLetterTopic() {
		return Topics.declare(Topics.DEAD_LETTERS);
	}

	@Bean
	StreamsHealthIndicator kafkaStreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
		return new StreamsHealthIndicator(streams);
	}

	/** Reads this instance's state stores for the HTTP surface. */
	@Bean
	KafkaStreamsInteractiveQueryService interactiveQueries(StreamsBuilderFactoryBean streams) {
		return new KafkaStreamsInteractiveQueryService(streams);
	}

}
