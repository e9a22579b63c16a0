package vn.dvcpulse.tracker.config;

import java.time.Clock;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.catalog.CatalogFeedConfiguration;
import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.streams.StreamProcessorConfiguration;

@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@Import({ StreamProcessorConfiguration.class, CatalogFeedConfiguration.class })
class TrackerKafkaConfig {

	@Bean
	KafkaAdmin.NewTopics trackerTopics() {
		return Topics.declare(Topics.SUBMISSIONS, Topics.MILESTONES, Topics.REJECTIONS);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** The producer of accepted events; {@code acks=all} and idempotence come from application.yml. */
	@Bean
	KafkaTemplate<String, ApplicationEvent> submissionsTemplate(KafkaProperties properties) {
		DefaultKafkaProducerFactory<String, ApplicationEvent> factory = new DefaultKafkaProducerFactory<>(
				properties.buildProducerProperties(), Topics.SUBMISSIONS.keySerde().serializer(),
				Topics.SUBMISSIONS.valueSerde().serializer());
		KafkaTemplate<String, ApplicationEvent> template = new KafkaTemplate<>(factory);
		template.setDefaultTopic(Topics.SUBMISSIONS.name());
		return template;
	}

}
