package vn.dvcpulse.aggregator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import vn.dvcpulse.aggregator.domain.Granularity;
import vn.dvcpulse.aggregator.stream.Rollups;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.event.Channel;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The aggregator against a real broker: milestones on the topic become queryable rollups. */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"spring.kafka.streams.application-id=aggregator-counting-tests",
		// a fresh state directory: one left by an earlier run against another broker does not fit this one
		"spring.kafka.streams.state-dir=target/kafka-streams/${random.uuid}" })
class RollupCountingTests {

	@Autowired
	Rollups rollups;

	@Value("${spring.kafka.bootstrap-servers}")
	String brokers;

	@Test
	void milestones_becomeRollupsPerLocalityAndPeriod() {
		try (KafkaProducer<String, ApplicationMilestone> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers),
				Topics.MILESTONES.keySerde().serializer(), Topics.MILESTONES.valueSerde().serializer())) {
			for (int i = 0; i < 4; i++) {
				ApplicationMilestone receipt = Milestones.received("96", "Q422-01", "C-" + i,
						"2025-08-01T09:00:00+07:00", (i == 1) ? Channel.IN_PERSON : Channel.ONLINE);
				producer.send(new ProducerRecord<>(Topics.MILESTONES.name(), Milestones.key(receipt), receipt));
			}
		}

		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
			// other tests of this JVM count on the same broker: look at locality 96 only
			assertThat(this.rollups.between(Granularity.YEAR, "2025", "2025"))
				.filteredOn((entry) -> entry.key().locality().equals("96"))
				.singleElement()
				.satisfies((entry) -> {
					assertThat(entry.counts().received()).isEqualTo(4);
					assertThat(entry.counts().receivedOnline()).isEqualTo(3);
				});
		});
	}

	@Test
	void theSetOfTotalsAwaitingPublication_isLoggedToATopicThatCompactsWithinMinutes() throws Exception {
		// the in-memory set is restored from its changelog's start at every start: it must stay small
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers))) {
			ConfigResource changelog = new ConfigResource(ConfigResource.Type.TOPIC,
					"aggregator-counting-tests-rollup-counting-unpublished-changelog");
			await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
				Config config = admin.describeConfigs(List.of(changelog)).all().get().get(changelog);
				assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
				assertThat(config.get(TopicConfig.SEGMENT_MS_CONFIG).value()).isEqualTo("60000");
				assertThat(config.get(TopicConfig.DELETE_RETENTION_MS_CONFIG).value()).isEqualTo("60000");
			});
		}
	}

}
