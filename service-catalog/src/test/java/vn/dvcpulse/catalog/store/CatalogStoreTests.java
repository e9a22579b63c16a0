package vn.dvcpulse.catalog.store;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;

import vn.dvcpulse.contract.Topic;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.catalog.EssentialService;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog against a real broker: the topics are its store, seeded once, never overwritten. */
@SpringBootTest(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class CatalogStoreTests {

	@Autowired
	CatalogStore catalog;

	@Autowired
	KafkaProperties kafka;

	@Test
	void startOnEmptyTopics_seedsTheReferenceData_andARestartSeedsNothingAndKeepsEdits() throws Exception {
		assertThat(this.catalog.services()).hasSize(53);
		assertThat(this.catalog.localitiesInForce(LocalDate.of(2025, 6, 30))).hasSize(63);
		assertThat(this.catalog.localitiesInForce(LocalDate.of(2025, 7, 1))).hasSize(34);
		assertThat(recordsIn(Topics.CATALOG_SERVICES)).isEqualTo(53);
		assertThat(recordsIn(Topics.CATALOG_LOCALITIES)).isEqualTo(97);

		EssentialService named = this.catalog.service("Q422-19").orElseThrow();
		EssentialService edited = new EssentialService(named.code(), named.program(), "Tên do quản trị đặt",
				"Named by the steward", named.nationalProcedureCodes(), named.responsibleMinistry(), named.level(),
				"steward", named.notes(), "high", true);
		try (KafkaProducer<String, EssentialService> producer = new KafkaProducer<>(
				this.kafka.buildProducerProperties(), Topics.CATALOG_SERVICES.keySerde().serializer(),
				Topics.CATALOG_SERVICES.valueSerde().serializer())) {
			producer.send(new ProducerRecord<>(Topics.CATALOG_SERVICES.name(), edited.code(), edited)).get();
		}

		CatalogStore restarted = new CatalogStore(this.kafka);
		restarted.start();

		assertThat(restarted.service("Q422-19")).contains(edited);
		assertThat(restarted.services()).hasSize(53);
		assertThat(recordsIn(Topics.CATALOG_SERVICES)).isEqualTo(54);
		assertThat(recordsIn(Topics.CATALOG_LOCALITIES)).isEqualTo(97);
	}

	/** Every record ever written, compacted or not: a re-seed would show as more. */
	private long recordsIn(Topic<String, ?> topic) {
		try (KafkaConsumer<String, ?> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.getBootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "count-" + UUID.randomUUID()), topic.keySerde().deserializer(),
				topic.valueSerde().deserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(10)).stream()
				.map((p) -> new TopicPartition(p.topic(), p.partition()))
				.toList();
			return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
		}
	}

}
