package vn.dvcpulse.tracker.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import vn.dvcpulse.tracker.config.JsonConfig;
import vn.dvcpulse.tracker.ingest.EventRules;
import vn.dvcpulse.tracker.ingest.Ingest;
import vn.dvcpulse.tracker.ingest.IngestMetrics;
import vn.dvcpulse.tracker.ingest.LocalityScope;
import vn.dvcpulse.tracker.ingest.IngestProperties;

/**
 * The real door of the tracker for web slice tests: the ingest, its rules, metrics and JSON settings, with the
 * clock fixed at 2025-08-01 10:00 in Viet Nam. What talks to Kafka is left for each test to mock.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
@Import({ Ingest.class, EventRules.class, IngestMetrics.class, LocalityScope.class, JsonConfig.class })
class IngestSliceConfiguration {

	static final Instant NOW = Instant.parse("2025-08-01T03:00:00Z");

	@Bean
	Clock clock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

	@Bean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

}
