package vn.dvcpulse.catalog.store;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import vn.dvcpulse.catalog.domain.LocalityDraft;
import vn.dvcpulse.catalog.domain.ServiceDraft;
import vn.dvcpulse.contract.Topic;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.catalog.CatalogChange;
import vn.dvcpulse.contract.catalog.CatalogChange.CatalogEntity;
import vn.dvcpulse.contract.catalog.EssentialService;
import vn.dvcpulse.contract.catalog.LocalityVersion;
import vn.dvcpulse.testsupport.TestKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The catalog against a real broker: its topics are its store, seeded once, never overwritten, each change kept.
 * The tests run in order on one broker, as one catalog's life.
 */
@TestMethodOrder(OrderAnnotation.class)
class CatalogStoreTests {

	static final String BROKERS = System.getProperty(TestKafkaBroker.BROKERS_PROPERTY);

	static final ServiceDraft NAMED_SLOT = new ServiceDraft("Tên do quản trị đặt", "Named by the steward", "1.000001",
			"Bộ Tư pháp", "provincial", "steward's decision", null, "high", true, true, false, "steward");

	private final List<CatalogStore> started = new ArrayList<>();

	@BeforeAll
	static void createTopics() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKERS))) {
			admin.createTopics(List.of(Topics.CATALOG_SERVICES.newTopic(), Topics.CATALOG_LOCALITIES.newTopic(),
					Topics.CATALOG_TARGETS.newTopic(), Topics.CATALOG_CHANGES.newTopic())).all().get();
		}
	}

	@AfterEach
	void stopStores() {
		this.started.forEach(CatalogStore::stop);
	}

	@Test
	@Order(1)
	void emptyTopics_areSeededWithTheReferenceData_asCatalogVersionOne() {
		CatalogStore catalog = start();

		assertThat(catalog.lookup().services()).hasSize(53);
		assertThat(catalog.lookup().localitiesInForce(LocalDate.of(2025, 6, 30))).hasSize(63);
		assertThat(catalog.lookup().localitiesInForce(LocalDate.of(2025, 7, 1))).hasSize(34);
		assertThat(catalog.lookup().targets()).hasSize(7);
		assertThat(catalog.lookup().catalogVersion()).isEqualTo(1);
		assertThat(recordsIn(Topics.CATALOG_SERVICES)).isEqualTo(53);
		assertThat(recordsIn(Topics.CATALOG_LOCALITIES)).isEqualTo(97);
		assertThat(recordsIn(Topics.CATALOG_CHANGES)).isEqualTo(53 + 97 + 7);
	}

	@Test
	@Order(2)
	void aStewardsEdit_survivesARestart_andTheSeedChangesNothing() {
		CatalogStore catalog = start();
		EssentialService named = catalog.updateService("Q422-19", NAMED_SLOT, 1, "steward-1");
		assertThat(named.revision().number()).isEqualTo(2);
		assertThat(named.revision().catalogVersion()).isEqualTo(2);
		catalog.stop();

		CatalogStore restarted = start();

		assertThat(restarted.lookup().service("Q422-19")).contains(named);
		assertThat(restarted.lookup().catalogVersion()).isEqualTo(2);
		assertThat(recordsIn(Topics.CATALOG_SERVICES)).isEqualTo(54);
		assertThat(recordsIn(Topics.CATALOG_LOCALITIES)).isEqualTo(97);
		List<CatalogChange> history = restarted.history(CatalogEntity.SERVICE, "Q422-19");
		assertThat(history).extracting((change) -> change.revision().changedBy())
			.containsExactly("reference-data", "steward-1");
		assertThat(history.get(1).value().get("nameVi").asString()).isEqualTo("Tên do quản trị đặt");
	}

	@Test
	@Order(3)
	void twoConcurrentEdits_ofOneRevision_oneWinsAndOneIsStale() throws Exception {
		CatalogStore catalog = start();
		long revision = catalog.lookup().service("P06-05").orElseThrow().revision().number();
		CountDownLatch go = new CountDownLatch(1);
		Callable<EssentialService> edit = () -> {
			go.await();
			return catalog.updateService("P06-05", NAMED_SLOT, revision, Thread.currentThread().getName());
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<EssentialService> first = pool.submit(edit);
			Future<EssentialService> second = pool.submit(edit);
			go.countDown();
			List<Throwable> failures = new ArrayList<>();
			int succeeded = 0;
			for (Future<EssentialService> result : List.of(first, second)) {
				try {
					result.get();
					succeeded++;
				}
				catch (java.util.concurrent.ExecutionException ex) {
					failures.add(ex.getCause());
				}
			}
			assertThat(succeeded).isEqualTo(1);
			assertThat(failures).singleElement().isInstanceOf(StaleRevisionException.class);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(catalog.lookup().service("P06-05").orElseThrow().revision().number()).isEqualTo(revision + 1);
	}

	@Test
	@Order(4)
	void aFutureMerger_isData_closingItsPredecessors() {
		CatalogStore catalog = start();
		LocalDate from = LocalDate.of(2030, 1, 1);

		List<LocalityVersion> written = catalog.addLocalityVersion(new LocalityDraft("04", "Cao Bằng - Lạng Sơn",
				null, null, "province", null, 22.3, 106.4, 1_400_000L, "test", null, null, from, List.of("04", "20")),
				"steward-1");

		assertThat(written.get(0).key()).isEqualTo("04@2030-01-01");
		assertThat(written.get(0).adultPopulationEstimated()).isTrue();
		assertThat(written.subList(1, 3)).allSatisfy((closed) -> {
			assertThat(closed.validTo()).isEqualTo(from.minusDays(1));
			assertThat(closed.successorCode()).isEqualTo("04");
		});
		assertThat(catalog.lookup().restate("20", java.time.Instant.parse("2026-01-01T00:00:00Z"), from))
			.map(LocalityVersion::key)
			.contains("04@2030-01-01");
		assertThat(catalog.lookup().locality("20", from)).isEmpty();

		CatalogStore restarted = restart(catalog);
		assertThat(restarted.lookup().versionsOf("04")).extracting(LocalityVersion::key)
			.containsExactly("04@2008-08-01", "04@2025-07-01", "04@2030-01-01");
	}

	@Test
	@Order(5)
	void overlappingOrUngroundedLocalityVersions_areRefused() {
		CatalogStore catalog = start();
		long version = catalog.lookup().catalogVersion();

		assertThatExceptionOfType(CatalogConflictException.class)
			.isThrownBy(() -> catalog.addLocalityVersion(draft("01", LocalDate.of(2029, 1, 1), List.of()), "s"))
			.withMessageContaining("overlaps");
		assertThatExceptionOfType(CatalogConflictException.class)
			.isThrownBy(() -> catalog.addLocalityVersion(draft("99", LocalDate.of(2029, 1, 1), List.of("02")), "s"))
			.withMessageContaining("not in force");
		assertThat(catalog.lookup().catalogVersion()).isEqualTo(version);
	}

	private static LocalityDraft draft(String code, LocalDate from, List<String> predecessors) {
		return new LocalityDraft(code, "Đơn vị thử", null, null, "province", null, null, null, null, null, null, null,
				from, predecessors);
	}

	private CatalogStore start() {
		KafkaProperties kafka = new KafkaProperties();
		kafka.setBootstrapServers(List.of(BROKERS));
		kafka.getProducer().setAcks("all");
		CatalogStore catalog = new CatalogStore(kafka, Clock.systemUTC());
		catalog.start();
		this.started.add(catalog);
		return catalog;
	}

	private CatalogStore restart(CatalogStore catalog) {
		catalog.stop();
		return start();
	}

	/** Every record ever written, compacted or not: a re-seed would show as more. */
	private static long recordsIn(Topic<String, ?> topic) {
		try (KafkaConsumer<String, ?> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKERS, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed"), topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(10)).stream()
				.map((p) -> new TopicPartition(p.topic(), p.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long count = 0;
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((p) -> consumer.position(p) < end.get(p))) {
				count += consumer.poll(Duration.ofMillis(200)).count();
			}
			return count;
		}
	}

}
