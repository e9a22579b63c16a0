package vn.dvcpulse.contract.catalog;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.dvcpulse.contract.Topics;

/** Import it to follow the catalog: a {@link CatalogFeed} bean, its topics, and its part in health. */
@Configuration(proxyBeanMethods = false)
public class CatalogFeedConfiguration {

	@Bean
	CatalogFeed catalogFeed(KafkaProperties kafka) {
		return new CatalogFeed(kafka.buildConsumerProperties(), Duration.ofSeconds(30));
	}

	/** Declared here too, so a follower can start before the catalog service ever ran. */
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

	/** Not ready until the catalog has been read and holds something: every check depends on it. */
	@Bean
	HealthIndicator catalogHealthIndicator(CatalogFeed feed) {
		return () -> {
			long version = feed.get().catalogVersion();
			return (feed.isCaughtUp() && version > 0 ? Health.up() : Health.down())
				.withDetail("catalogVersion", version)
				.build();
		};
	}

}
