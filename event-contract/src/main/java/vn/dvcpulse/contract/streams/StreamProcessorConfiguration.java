package vn.dvcpulse.contract.streams;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/** What every Kafka Streams service of DVC Pulse shares in how its streams client runs; import it. */
@Configuration(proxyBeanMethods = false)
public class StreamProcessorConfiguration {

	/** A stopped instance leaves its group at once, so its successor does not wait out the session timeout. */
	@Bean
	StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose() {
		return (factory) -> factory.setLeaveGroupOnClose(true);
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
