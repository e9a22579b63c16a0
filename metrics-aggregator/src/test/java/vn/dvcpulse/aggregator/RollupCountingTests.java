package vn.dvcpulse.aggregator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
	void aTotalChangedByManyMilestonesWithinACommit_isPublishedOnce() {
		int receipts = 200;
		try (KafkaProducer<String, ApplicationMilestone> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers, ProducerConfig.LINGER_MS_CONFIG, 200),
				Topics.MILESTONES.keySerde().serializer(), Topics.MILESTONES.valueSerde().serializer())) {
			for (int i = 0; i < receipts; i++) {
				ApplicationMilestone receipt = Milestones.received("95", "Q422-01", "B-" + i,
						"2025-09-01T09:00:00+07:00", Channel.ONLINE);
				producer.send(new ProducerRecord<>(Topics.MILESTONES.name(), Milestones.key(receipt), receipt));
			}
		}
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(
				this.rollups.between(Granularity.YEAR, "2025", "2025"))
			.filteredOn((entry) -> entry.key().locality().equals("95"))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.counts().received()).isEqualTo(receipts)));

		// what the global tables read: each partition's September total for locality 95, written once per commit that
		// changed it (a few commits at most for a burst read in one or two polls), not once per milestone
		List<String> published = new ArrayList<>();
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		try (KafkaConsumer<String, byte[]> changelog = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = changelog
				.partitionsFor("aggregator-counting-tests-rollup-counting-changelog")
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			assertThat(partitions).hasSize(Topics.MILESTONES.partitions());
			changelog.assign(partitions);
			changelog.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = changelog.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> changelog.position(partition) < ends.get(partition))) {
				changelog.poll(Duration.ofMillis(200))
					.forEach((record) -> published.add(record.key() + "#" + record.partition()));
			}
		}
		// a partition's burst may straddle two or three commits (it once did in a full build: two writes in each of six
		// partitions); once per milestone would be 200 writes
		List<String> monthTotals = published.stream().filter((key) -> key.startsWith("M|2025-09|95|")).toList();
		assertThat(monthTotals).isNotEmpty().hasSizeLessThanOrEqualTo(receipts / 10);
		assertThat(monthTotals.stream().collect(Collectors.groupingBy((key) -> key, Collectors.counting())))
			.allSatisfy((part, writes) -> assertThat(writes).as(part).isLessThanOrEqualTo(3));
	}

}
