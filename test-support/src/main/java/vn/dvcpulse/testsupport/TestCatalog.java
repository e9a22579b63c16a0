package vn.dvcpulse.testsupport;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import vn.dvcpulse.contract.Topic;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.catalog.CatalogLookup;
import vn.dvcpulse.contract.catalog.EssentialService;
import vn.dvcpulse.contract.catalog.Indicator;
import vn.dvcpulse.contract.catalog.IndicatorTarget;
import vn.dvcpulse.contract.catalog.LocalityVersion;
import vn.dvcpulse.contract.catalog.OnlineLevelChange;
import vn.dvcpulse.contract.catalog.Revision;
import vn.dvcpulse.contract.catalog.ServiceOnlineLevel;

/**
 * A small catalog for the services that follow the real one: two services, and Hà Nội (01), Hà Giang (02, merged
 * into Tuyên Quang 08 on 2025-07-01), Tuyên Quang (08) and Hồ Chí Minh (79) before and after the 2025 merger, and
 * the online-submission target of 50 %.
 */
public final class TestCatalog {

	static final LocalDate SIXTY_THREE_FROM = LocalDate.of(2008, 8, 1);

	static final LocalDate THIRTY_FOUR_FROM = LocalDate.of(2025, 7, 1);

	static final Revision SEEDED = Revision.seeded(Instant.parse("2026-01-01T00:00:00Z"));

	public static final List<EssentialService> SERVICES = List.of(
			service("P06-03", "Đăng ký thường trú", ServiceOnlineLevel.PARTIAL),
			service("P06-05", "Khai báo tạm vắng", ServiceOnlineLevel.FULL));

	public static final List<LocalityVersion> LOCALITIES = List.of(
			old("01", "Hà Nội", "01"), old("02", "Hà Giang", "08"), old("08", "Tuyên Quang", "08"),
			old("79", "Hồ Chí Minh", "79"), current("01", "Hà Nội", "01"), current("08", "Tuyên Quang", "02", "08"),
			current("79", "Hồ Chí Minh", "79"));

	public static final List<IndicatorTarget> TARGETS = List.of(new IndicatorTarget(Indicator.ONLINE_SUBMISSION,
			new BigDecimal("0.50"), LocalDate.of(2022, 6, 23), "test", SEEDED));

	private TestCatalog() {
	}

	public static CatalogLookup lookup() {
		return new CatalogLookup(SERVICES, LOCALITIES, TARGETS);
	}

	/** Writes the catalog to the catalog topics of a broker, as the catalog service would. */
	public static void publish(String brokers) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
				ProducerConfig.ACKS_CONFIG, "all");
		send(config, Topics.CATALOG_SERVICES, SERVICES.stream().map((s) -> Map.entry(s.code(), s)).toList());
		send(config, Topics.CATALOG_LOCALITIES, LOCALITIES.stream().map((l) -> Map.entry(l.key(), l)).toList());
	}

	private static <V> void send(Map<String, Object> config, Topic<String, V> topic, List<Map.Entry<String, V>> entries) {
		try (KafkaProducer<String, V> producer = new KafkaProducer<>(config, topic.keySerde().serializer(),
				topic.valueSerde().serializer())) {
			for (Map.Entry<String, V> entry : entries) {
				producer.send(new ProducerRecord<>(topic.name(), entry.getKey(), entry.getValue())).get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not publish the test catalog to " + topic, ex);
		}
	}

	private static EssentialService service(String code, String name, ServiceOnlineLevel level) {
		return new EssentialService(code, "P06", name, name, null, "Bộ Công an", "commune", "test", null, "high", true,
				false, level == ServiceOnlineLevel.FULL, List.of(new OnlineLevelChange(level, null)), "test", SEEDED);
	}

	private static LocalityVersion old(String code, String name, String successor) {
		return new LocalityVersion(code, name, name, name, "province", null, 21.0, 105.8, 1_000_000L, "test",
				767_900L, true, "test", SIXTY_THREE_FROM, THIRTY_FOUR_FROM.minusDays(1), successor, List.of(), SEEDED);
	}

	private static LocalityVersion current(String code, String name, String... predecessors) {
		return new LocalityVersion(code, name, name, name, "province", null, 21.0, 105.8, 1_000_000L, "test",
				767_900L, true, "test", THIRTY_FOUR_FROM, null, null, List.of(predecessors), SEEDED);
	}

}
