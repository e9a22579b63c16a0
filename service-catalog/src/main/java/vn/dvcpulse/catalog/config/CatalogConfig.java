package vn.dvcpulse.catalog.config;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.dvcpulse.contract.Topics;

@Configuration(proxyBeanMethods = false)
class CatalogConfig {

	@Bean
	NewTopic catalogServicesTopic() {
		return Topics.CATALOG_SERVICES.newTopic();
	}

	@Bean
	NewTopic catalogLocalitiesTopic() {
		return Topics.CATALOG_LOCALITIES.newTopic();
	}

	@Bean
	NewTopic catalogTargetsTopic() {
		return Topics.CATALOG_TARGETS.newTopic();
	}

	@Bean
	NewTopic catalogChangesTopic() {
		return Topics.CATALOG_CHANGES.newTopic();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
