package vn.dvcpulse.catalog.store;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import vn.dvcpulse.catalog.domain.LocalityDraft;
import vn.dvcpulse.catalog.domain.ReferenceData;
import vn.dvcpulse.catalog.domain.ServiceDraft;
import vn.dvcpulse.contract.JsonSerdes;
import vn.dvcpulse.contract.Topic;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.catalog.CatalogChange;
import vn.dvcpulse.contract.catalog.CatalogChange.CatalogEntity;
import vn.dvcpulse.contract.catalog.CatalogLookup;
import vn.dvcpulse.contract.catalog.EssentialService;
import vn.dvcpulse.contract.catalog.Indicator;
import vn.dvcpulse.contract.catalog.IndicatorTarget;
import vn.dvcpulse.contract.catalog.LocalityVersion;
import vn.dvcpulse.contract.catalog.OnlineLevelChange;
import vn.dvcpulse.contract.catalog.Revision;

/**
 * The catalog, kept in the compacted catalog topics, which are its store, with every change also in the change
 * log. On start it rebuilds itself from the topics and seeds from the bundled reference data only the entries the
 * topics lack, so a restart never overwrites an edit. It starts before the web server, so nothing is served early.
 *
 * <p>One instance writes: its transactional id fences any other, and edits are serialised here, which is what
 * makes a stale {@code If-Match} fail instead of overwriting a concurrent edit.
 */
@Component
public class CatalogStore implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CatalogStore.class);

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

	private final KafkaProperties kafka;

	private final Clock clock;

	private CatalogTopics topics;

	private final Map<String, EssentialService> services = new HashMap<>();

	private final Map<String, LocalityVersion> localities = new HashMap<>();

	private final Map<String, IndicatorTarget> targets = new HashMap<>();

	private final Map<String, List<CatalogChange>> history = new HashMap<>();

	private volatile CatalogLookup lookup = CatalogLookup.EMPTY;

	private volatile boolean running;

	public CatalogStore(KafkaProperties kafka, Clock clock) {
		this.kafka = kafka;
		this.clock = clock;
	}

	@Override
	public synchronized void start() {
		this.topics = new CatalogTopics(this.kafka.buildConsumerProperties(), this.kafka.buildProducerProperties(),
				"dvc-service-catalog");
		this.services.putAll(this.topics.table(Topics.CATALOG_SERVICES, READ_TIMEOUT));
		this.localities.putAll(this.topics.table(Topics.CATALOG_LOCALITIES, READ_TIMEOUT));
		this.targets.putAll(this.topics.table(Topics.CATALOG_TARGETS, READ_TIMEOUT));
		this.topics.readAll(Topics.CATALOG_CHANGES, READ_TIMEOUT, (record) -> remember(record.value()));
		refreshLookup();
		seedWhatIsMissing();
		log.info("Catalog version {}: {} services, {} locality versions, {} targets", this.lookup.catalogVersion(),
				this.services.size(), this.localities.size(), this.targets.size());
		this.running = true;
	}

	/** Bundled entries whose keys the topics lack, written as one change of the catalog. */
	private void seedWhatIsMissing() {
		Instant now = this.clock.instant();
		long version = (this.lookup.catalogVersion() == 0) ? 1 : this.lookup.catalogVersion() + 1;
		Revision seeded = new Revision(1, version, Revision.REFERENCE_DATA, now);
		List<Change<?>> changes = new ArrayList<>();
		missing(ReferenceData.services(now), this.services, EssentialService::code).forEach((service) -> changes
			.add(Change.of(CatalogEntity.SERVICE, Topics.CATALOG_SERVICES, service.code(), withRevision(service, seeded))));
		missing(ReferenceData.localities(now), this.localities, LocalityVersion::key).forEach((locality) -> changes
			.add(Change.of(CatalogEntity.LOCALITY, Topics.CATALOG_LOCALITIES, locality.key(),
					withRevision(locality, seeded))));
		missing(ReferenceData.targets(now), this.targets, IndicatorTarget::key).forEach((target) -> changes
			.add(Change.of(CatalogEntity.TARGET, Topics.CATALOG_TARGETS, target.key(), withRevision(target, seeded))));
		if (!changes.isEmpty()) {
			commit(changes);
			log.info("Seeded {} entries the catalog topics did not have", changes.size());
		}
	}

	private static <V> List<V> missing(List<V> bundled, Map<String, V> stored, Function<V, String> keyOf) {
		return bundled.stream().filter((value) -> !stored.containsKey(keyOf.apply(value))).toList();
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.topics != null) {
			this.topics.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** The catalog as it is now, with the rules to read it by. */
	public CatalogLookup lookup() {
		return this.lookup;
	}

	/** Every change made to one entry, oldest first. */
	public List<CatalogChange> history(CatalogEntity entity, String key) {
		synchronized (this.history) {
			return List.copyOf(this.history.getOrDefault(entity + "|" + key, List.of()));
		}
	}

	public synchronized EssentialService createService(String code, ServiceDraft draft, String who) {
		if (this.services.containsKey(code)) {
			throw new AlreadyInCatalogException("service", code);
		}
		Revision revision = new Revision(1, nextCatalogVersion(), who, this.clock.instant());
		EssentialService created = fromDraft(code, draft, List.of(), revision);
		commit(List.of(Change.of(CatalogEntity.SERVICE, Topics.CATALOG_SERVICES, code, created)));
		return created;
	}

	public synchronized EssentialService updateService(String code, ServiceDraft draft, long expectedRevision,
			String who) {
		EssentialService current = currentService(code, expectedRevision);
		EssentialService updated = fromDraft(code, draft, current.onlineLevels(), next(current.revision(), who));
		commit(List.of(Change.of(CatalogEntity.SERVICE, Topics.CATALOG_SERVICES, code, updated)));
		return updated;
	}

	/** A new online level from a day on; a change on the same day as an existing one replaces it. */
	public synchronized EssentialService changeOnlineLevel(String code, OnlineLevelChange change,
			long expectedRevision, String who) {
		EssentialService current = currentService(code, expectedRevision);
		List<OnlineLevelChange> levels = new ArrayList<>(current.onlineLevels().stream()
			.filter((existing) -> !Objects.equals(existing.effectiveFrom(), change.effectiveFrom()))
			.toList());
		levels.add(change);
		levels.sort(Comparator.comparing(OnlineLevelChange::effectiveFrom,
				Comparator.nullsFirst(Comparator.naturalOrder())));
		EssentialService updated = new EssentialService(current.code(), current.program(), current.nameVi(),
				current.nameEn(), current.nationalProcedureCodes(), current.responsibleMinistry(), current.level(),
				current.source(), current.notes(), current.confidence(), current.verified(), current.feeBearing(),
				current.fullProcessEligible(), levels, current.attributesBasis(), next(current.revision(), who));
		commit(List.of(Change.of(CatalogEntity.SERVICE, Topics.CATALOG_SERVICES, code, updated)));
		return updated;
	}

	/**
	 * Adds a locality version and closes, on the day before it, the version in force of each unit it was formed
	 * from. Refused when a predecessor is not in force that day, or when the new version would overlap another of
	 * its code.
	 * @return the new version, then the predecessors as closed
	 */
	public synchronized List<LocalityVersion> addLocalityVersion(LocalityDraft draft, String who) {
		LocalDate dayBefore = draft.validFrom().minusDays(1);
		long version = nextCatalogVersion();
		Instant now = this.clock.instant();
		List<String> predecessorCodes = (draft.predecessorCodes() != null) ? draft.predecessorCodes() : List.of();
		Map<String, LocalityVersion> closed = new LinkedHashMap<>();
		for (String code : predecessorCodes) {
			LocalityVersion predecessor = this.lookup.locality(code, dayBefore)
				.orElseThrow(() -> new CatalogConflictException(
						"Predecessor " + code + " is not in force on " + dayBefore + ", the day before " + draft.validFrom()));
			if (predecessor.validTo() != null) {
				throw new CatalogConflictException("Predecessor " + predecessor.key() + " already ends on "
						+ predecessor.validTo() + " with successor " + predecessor.successorCode());
			}
			closed.put(predecessor.key(), closed(predecessor, dayBefore, draft.code(),
					predecessor.revision().next(version, who, now)));
		}
		for (LocalityVersion existing : this.lookup.versionsOf(draft.code())) {
			LocalityVersion asItWillBe = closed.getOrDefault(existing.key(), existing);
			if (asItWillBe.overlaps(draft.validFrom(), null)) {
				throw new CatalogConflictException("Locality " + draft.code() + " from " + draft.validFrom()
						+ " overlaps its version " + existing.key() + " (" + existing.validFrom() + " to "
						+ ((existing.validTo() != null) ? existing.validTo() : "open") + ")");
			}
		}
		LocalityVersion added = fromDraft(draft, new Revision(1, version, who, now));
		List<Change<?>> changes = new ArrayList<>();
		changes.add(Change.of(CatalogEntity.LOCALITY, Topics.CATALOG_LOCALITIES, added.key(), added));
		closed.values().forEach((locality) -> changes
			.add(Change.of(CatalogEntity.LOCALITY, Topics.CATALOG_LOCALITIES, locality.key(), locality)));
		commit(changes);
		List<LocalityVersion> result = new ArrayList<>();
		result.add(added);
		result.addAll(closed.values());
		return result;
	}

	/**
	 * Sets an indicator's target from a day on. A new day needs no revision; changing the target of a day that
	 * already has one needs its current revision.
	 */
	public synchronized IndicatorTarget setTarget(Indicator indicator, LocalDate effectiveFrom, BigDecimal threshold,
			String basis, Long expectedRevision, String who) {
		String key = IndicatorTarget.key(indicator, effectiveFrom);
		IndicatorTarget current = this.targets.get(key);
		Revision revision;
		if (current == null) {
			revision = new Revision(1, nextCatalogVersion(), who, this.clock.instant());
		}
		else {
			checkRevision("Target " + key, current.revision(), expectedRevision);
			revision = next(current.revision(), who);
		}
		IndicatorTarget target = new IndicatorTarget(indicator, threshold, effectiveFrom, basis, revision);
		commit(List.of(Change.of(CatalogEntity.TARGET, Topics.CATALOG_TARGETS, key, target)));
		return target;
	}

	private EssentialService currentService(String code, long expectedRevision) {
		EssentialService current = this.services.get(code);
		if (current == null) {
			throw new NotInCatalogException("service", code);
		}
		checkRevision("Service " + code, current.revision(), expectedRevision);
		return current;
	}

	private static void checkRevision(String what, Revision current, Long expected) {
		if (expected == null || current.number() != expected) {
			throw new StaleRevisionException(what, (expected != null) ? expected : 0, current.number());
		}
	}

	private Revision next(Revision current, String who) {
		return current.next(nextCatalogVersion(), who, this.clock.instant());
	}

	private long nextCatalogVersion() {
		return this.lookup.catalogVersion() + 1;
	}

	/** Stores the entries and their change records in one transaction, then makes them visible. */
	private void commit(List<Change<?>> changes) {
		List<ProducerRecord<String, Object>> records = new ArrayList<>();
		for (Change<?> change : changes) {
			records.add(change.entryRecord());
			records.add(CatalogTopics.record(Topics.CATALOG_CHANGES, change.key(), change.asLogged()));
		}
		this.topics.writeTogether(records);
		for (Change<?> change : changes) {
			switch (change.entity()) {
				case SERVICE -> this.services.put(change.key(), (EssentialService) change.value());
				case LOCALITY -> this.localities.put(change.key(), (LocalityVersion) change.value());
				case TARGET -> this.targets.put(change.key(), (IndicatorTarget) change.value());
			}
			remember(change.asLogged());
		}
		refreshLookup();
	}

	private void remember(CatalogChange change) {
		synchronized (this.history) {
			this.history.computeIfAbsent(change.entity() + "|" + change.key(), (k) -> new ArrayList<>()).add(change);
		}
	}

	private void refreshLookup() {
		this.lookup = new CatalogLookup(this.services.values(), this.localities.values(), this.targets.values());
	}

	private static EssentialService fromDraft(String code, ServiceDraft draft, List<OnlineLevelChange> levels,
			Revision revision) {
		return new EssentialService(code, code.substring(0, code.indexOf('-')), draft.nameVi(), draft.nameEn(),
				draft.nationalProcedureCodes(), draft.responsibleMinistry(), draft.level(), draft.source(),
				draft.notes(), draft.confidence(), draft.verified(), draft.feeBearing(), draft.fullProcessEligible(),
				levels, draft.attributesBasis(), revision);
	}

	private static LocalityVersion fromDraft(LocalityDraft draft, Revision revision) {
		boolean estimated = draft.adultPopulation() == null && draft.population() != null;
		Long adults = estimated ? ReferenceData.adultsOf(draft.population()) : draft.adultPopulation();
		String adultBasis = estimated ? ReferenceData.adultEstimateBasis() : draft.adultPopulationBasis();
		return new LocalityVersion(draft.code(), draft.nameVi(), draft.nameViFull(), draft.nameEn(), draft.type(),
				draft.region(), draft.latitude(), draft.longitude(), draft.population(), draft.populationBasis(), adults,
				estimated, adultBasis, draft.validFrom(), null, null,
				(draft.predecessorCodes() != null) ? draft.predecessorCodes() : List.of(), revision);
	}

	private static LocalityVersion closed(LocalityVersion version, LocalDate lastDay, String successor,
			Revision revision) {
		return new LocalityVersion(version.code(), version.nameVi(), version.nameViFull(), version.nameEn(),
				version.type(), version.region(), version.latitude(), version.longitude(), version.population(),
				version.populationBasis(), version.adultPopulation(), version.adultPopulationEstimated(),
				version.adultPopulationBasis(), version.validFrom(), lastDay, successor, version.predecessorCodes(),
				revision);
	}

	private static EssentialService withRevision(EssentialService s, Revision revision) {
		return new EssentialService(s.code(), s.program(), s.nameVi(), s.nameEn(), s.nationalProcedureCodes(),
				s.responsibleMinistry(), s.level(), s.source(), s.notes(), s.confidence(), s.verified(), s.feeBearing(),
				s.fullProcessEligible(), s.onlineLevels(), s.attributesBasis(), revision);
	}

	private static LocalityVersion withRevision(LocalityVersion l, Revision revision) {
		return closed(l, l.validTo(), l.successorCode(), revision);
	}

	private static IndicatorTarget withRevision(IndicatorTarget t, Revision revision) {
		return new IndicatorTarget(t.indicator(), t.threshold(), t.effectiveFrom(), t.basis(), revision);
	}

	/** One entry as it becomes, for its own topic and for the change log. */
	private record Change<V>(CatalogEntity entity, Topic<String, V> topic, String key, V value, Revision revision) {

		static <V> Change<V> of(CatalogEntity entity, Topic<String, V> topic, String key, V value) {
			return new Change<>(entity, topic, key, value, revisionOf(value));
		}

		private static Revision revisionOf(Object value) {
			if (value instanceof EssentialService service) {
				return service.revision();
			}
			if (value instanceof LocalityVersion locality) {
				return locality.revision();
			}
			if (value instanceof IndicatorTarget target) {
				return target.revision();
			}
			throw new IllegalArgumentException("Not a catalog entry: " + value);
		}

		ProducerRecord<String, Object> entryRecord() {
			return CatalogTopics.record(this.topic, this.key, this.value);
		}

		CatalogChange asLogged() {
			return new CatalogChange(this.entity, this.key, this.revision, JsonSerdes.tree(this.value));
		}

	}

}
