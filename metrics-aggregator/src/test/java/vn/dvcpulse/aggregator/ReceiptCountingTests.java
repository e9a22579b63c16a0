package vn.dvcpulse.aggregator;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import vn.dvcpulse.aggregator.domain.ReceiptCounts;
import vn.dvcpulse.aggregator.stream.LocalityReceipts;
import vn.dvcpulse.aggregator.stream.LocalityReceipts.LocalityReceipt;
import vn.dvcpulse.contract.ApplicationKey;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.event.Channel;
import vn.dvcpulse.contract.event.OnlineLevel;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The aggregator against a real broker: milestones on the topic become queryable counts. */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"spring.kafka.streams.application-id=aggregator-counting-tests" })
class ReceiptCountingTests {

	@Autowired
	LocalityReceipts receipts;

	@Value("${spring.kafka.bootstrap-servers}")
	String brokers;

	@Test
	void receivedMilestones_becomeCountsPerLocality() {
		try (KafkaProducer<String, ApplicationMilestone> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers),
				Topics.MILESTONES.keySerde().serializer(), Topics.MILESTONES.valueSerde().serializer())) {
			producer.send(received("96", "C-1", Channel.ONLINE));
			producer.send(received("96", "C-2", Channel.IN_PERSON));
			producer.send(received("96", "C-3", Channel.ONLINE));
			producer.send(received("96", "C-4", Channel.ONLINE));
		}

		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(this.receipts.all())
			.contains(new LocalityReceipt("96", new ReceiptCounts(3, 1, 0))));
	}

	private static ProducerRecord<String, ApplicationMilestone> received(String locality, String applicationId,
			Channel channel) {
		Instant at = Instant.parse("2025-08-01T02:00:00Z");
		return new ProducerRecord<>(Topics.MILESTONES.name(), ApplicationKey.of(locality, applicationId),
				ApplicationMilestone.received(locality, "Q422-01", applicationId, at, channel,
						channel.isOnline() ? OnlineLevel.PARTIAL : null, applicationId + "-s", null));
	}

}
