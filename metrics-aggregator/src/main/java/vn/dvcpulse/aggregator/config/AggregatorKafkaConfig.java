package vn.dvcpulse.aggregator.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.core.KafkaAdmin;

import vn.dvcpulse.aggregator.stream.RollupTopology;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.catalog.CatalogFeedConfiguration;
import vn.dvcpulse.contract.streams.StreamProcessorConfiguration;

@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@Import({ StreamProcessorConfiguration.class, CatalogFeedConfiguration.class })
class AggregatorKafkaConfig {

	/**
	 * The milestones, declared here too so the aggregator can start before the tracker ever ran, and the changelogs
	 * that publish the counts, which the global tables must find at start.
	 */
	/** The one clock every "today" and "now" of the aggregator is read from, so that tests can pin it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	KafkaAdmin.NewTopics aggregatorTopics(KafkaStreamsConfiguration streams) {
		List<NewTopic> topics = new ArrayList<>(List.of(Topics.MILESTONES.newTopic()));
		topics.addAll(RollupTopology.changelogs(RollupTopology.applicationId(streams)));
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

}
