package vn.dvcpulse.catalog.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.dvcpulse.contract.Topics;

@Configuration(proxyBeanMethods = false)
class CatalogKafkaConfig {

	@Bean
	NewTopic catalogServicesTopic() {
		return Topics.CATALOG_SERVICES.newTopic();
	}

	@Bean
	NewTopic catalogLocalitiesTopic() {
		return Topics.CATALOG_LOCALITIES.newTopic();
	}

}
