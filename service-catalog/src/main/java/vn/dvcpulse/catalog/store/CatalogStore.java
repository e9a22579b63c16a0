package vn.dvcpulse.catalog.store;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import vn.dvcpulse.catalog.domain.ReferenceData;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.catalog.EssentialService;
import vn.dvcpulse.contract.catalog.LocalityVersion;

/**
 * The catalog, held in memory and kept in the compacted catalog topics, which are its store. On start it
 * rebuilds itself from the topics and seeds from the bundled reference data only the entries the topics lack,
 * so a restart never overwrites what is already there. Starts before the web server, so nothing is served early.
 */
@Component
public class CatalogStore implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CatalogStore.class);

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

	private final CompactedTopic<EssentialService> servicesTopic;

	private final CompactedTopic<LocalityVersion> localitiesTopic;

	private volatile Map<String, EssentialService> services = Map.of();

	private volatile Map<String, LocalityVersion> localities = Map.of();

	private volatile boolean running;

	CatalogStore(KafkaProperties kafka) {
		Map<String, Object> consumer = kafka.buildConsumerProperties();
		Map<String, Object> producer = kafka.buildProducerProperties();
		this.servicesTopic = new CompactedTopic<>(Topics.CATALOG_SERVICES, consumer, producer);
		this.localitiesTopic = new CompactedTopic<>(Topics.CATALOG_LOCALITIES, consumer, producer);
	}

	@Override
	public void start() {
		this.services = loadAndSeed(this.servicesTopic, ReferenceData.services(), EssentialService::code);
		this.localities = loadAndSeed(this.localitiesTopic, ReferenceData.localities(), LocalityVersion::key);
		log.info("Catalog holds {} services and {} locality versions", this.services.size(), this.localities.size());
		this.running = true;
	}

	private static <V> Map<String, V> loadAndSeed(CompactedTopic<V> topic, List<V> bundled, Function<V, String> keyOf) {
		Map<String, V> stored = topic.readAll(READ_TIMEOUT);
		List<V> missing = bundled.stream().filter((value) -> !stored.containsKey(keyOf.apply(value))).toList();
		if (!missing.isEmpty()) {
			topic.writeAll(missing, keyOf);
			missing.forEach((value) -> stored.put(keyOf.apply(value), value));
			log.info("Seeded {} entries the catalog topic did not have", missing.size());
		}
		return Map.copyOf(stored);
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	public List<EssentialService> services() {
		return this.services.values().stream().sorted(Comparator.comparing(EssentialService::code)).toList();
	}

	public Optional<EssentialService> service(String code) {
		return Optional.ofNullable(this.services.get(code));
	}

	/** The locality units in force on the given day, by code. */
	public List<LocalityVersion> localitiesInForce(LocalDate day) {
		return this.localities.values().stream()
			.filter((locality) -> locality.inForceOn(day))
			.sorted(Comparator.comparing(LocalityVersion::code))
			.toList();
	}

}
