package vn.dvcpulse.aggregator.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.core.KafkaAdmin;

import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.catalog.CatalogFeedConfiguration;
import vn.dvcpulse.contract.streams.StreamProcessorConfiguration;

@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@Import({ StreamProcessorConfiguration.class, CatalogFeedConfiguration.class })
class AggregatorKafkaConfig {

	/** Declared here too, so the aggregator can start before the tracker ever ran. */
	@Bean
	KafkaAdmin.NewTopics aggregatorTopics() {
		return Topics.declare(Topics.MILESTONES, Topics.ROLLUPS, Topics.DISTINCT_CITIZENS);
	}

}
