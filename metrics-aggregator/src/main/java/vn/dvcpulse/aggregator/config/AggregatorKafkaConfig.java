package vn.dvcpulse.aggregator.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

import vn.dvcpulse.contract.Topics;

@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class AggregatorKafkaConfig {

	/** Declared here too, so the aggregator can start before the tracker ever ran. */
	@Bean
	NewTopic milestonesTopic() {
		return Topics.MILESTONES.newTopic();
	}

	@Bean
	KafkaStreamsInteractiveQueryService interactiveQueries(StreamsBuilderFactoryBean streams) {
		return new KafkaStreamsInteractiveQueryService(streams);
	}

}
