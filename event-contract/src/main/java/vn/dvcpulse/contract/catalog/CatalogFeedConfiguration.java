package vn.dvcpulse.contract.catalog;

import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import vn.dvcpulse.contract.Topics;

/** Import it to follow the catalog: a {@link CatalogFeed} bean, its topics, and its part in health. */
@Configuration(proxyBeanMethods = false)
public class CatalogFeedConfiguration {

	/** Declared here too, so a follower can start before the catalog service ever ran. */
	@Bean
	KafkaAdmin.NewTopics followedCatalogTopics() {
		return Topics.declare(Topics.CATALOG_SERVICES, Topics.CATALOG_LOCALITIES, Topics.CATALOG_TARGETS);
	}

	@Bean
	CatalogFeed catalogFeed(KafkaProperties kafka) {
		return new CatalogFeed(kafka.buildConsumerProperties(), Duration.ofSeconds(30));
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
