package vn.dvcpulse.catalog.config;

import java.time.Clock;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.problem.BodyLimits;
import vn.dvcpulse.contract.problem.StrictTypes;

@Configuration(proxyBeanMethods = false)
@Import(BodyLimits.class)
class CatalogConfig {

	@Bean
	KafkaAdmin.NewTopics catalogTopics() {
		return Topics.declare(Topics.CATALOG_SERVICES, Topics.CATALOG_LOCALITIES, Topics.CATALOG_TARGETS,
				Topics.CATALOG_CHANGES);
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
