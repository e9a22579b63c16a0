package vn.dvcpulse.catalog.config;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.problem.StrictTypes;

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

	/** Edits are taken as typed: a number for a text field is a mistake to report, not to convert. */
	@Bean
	JsonMapperBuilderCustomizer strictTypes() {
		return StrictTypes::apply;
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
