package vn.dvcpulse.contract.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import vn.dvcpulse.contract.ReceiptPeriods;

/**
 * The catalog at one catalog version, and the one home of the rules every service reads it by: whether a
 * service is known, which locality unit a code names at an instant, what that unit is in another day's
 * boundaries, what a unit was formed from, and which target is in force. Immutable: a newer catalog is a new
 * lookup.
 */
public final class CatalogLookup {

	public static final CatalogLookup EMPTY = new CatalogLookup(List.of(), List.of(), List.of());

	/** Lineage is followed at most this far: more steps than this means a cycle in the data. */
	private static final int MAX_LINEAGE_STEPS = 64;

	private final Map<String, EssentialService> services;

	private final Map<String, List<LocalityVersion>> localities;

	private final Map<Indicator, List<IndicatorTarget>> targets;

	private final long catalogVersion;

	/** {@link #lineageOf} by code: asked for every event posted, computed once per code and catalog version. */
	private final Map<String, Set<String>> lineages = new ConcurrentHashMap<>();

	public CatalogLookup(Collection<EssentialService> services, Collection<LocalityVersion> localities,
			Collection<IndicatorTarget> targets) {
		this.services = new TreeMap<>(services.stream()
			.collect(Collectors.toMap(EssentialService::code, (service) -> service)));
		this.localities = localities.stream()
			.sorted(Comparator.comparing(LocalityVersion::code).thenComparing(LocalityVersion::validFrom))
			.collect(Collectors.groupingBy(LocalityVersion::code, TreeMap::new, Collectors.toUnmodifiableList()));
		this.targets = targets.stream()
			.sorted(Comparator.comparing(IndicatorTarget::effectiveFrom))
			.collect(Collectors.groupingBy(IndicatorTarget::indicator, LinkedHashMap::new,
					Collectors.toUnmodifiableList()));
		this.catalogVersion = Stream
			.of(services.stream().map(EssentialService::revision), localities.stream().map(LocalityVersion::revision),
					targets.stream().map(IndicatorTarget::revision))
			.flatMap((revisions) -> revisions)
			.mapToLong((revision) -> (revision != null) ? revision.catalogVersion() : 0)
			.max()
			.orElse(0);
	}

	/** The highest catalog version of any entry: every change raises it. */
	public long catalogVersion() {
		return this.catalogVersion;
	}

	public boolean isKnownService(String code) {
		return this.services.containsKey(code);
	}

	public Optional<EssentialService> service(String code) {
		return Optional.ofNullable(this.services.get(code));
	}

	/** All services, by code. */
	public List<EssentialService> services() {
		return List.copyOf(this.services.values());
	}

	/** The unit the code names on a day, if the code is valid that day. */
	public Optional<LocalityVersion> locality(String code, LocalDate day) {
		return versionsOf(code).stream().filter((version) -> version.inForceOn(day)).findFirst();
	}

	/** The unit the code names at an instant (the day is Viet Nam's), if the code is valid then. */
	public Optional<LocalityVersion> locality(String code, Instant at) {
		return locality(code, ReceiptPeriods.dayOf(at));
	}

	/** The version of a code in force latest within a period, if the code was in force at all then. */
	public Optional<LocalityVersion> latestWithin(String code, LocalDate periodStart, LocalDate periodEnd) {
		return versionsOf(code).stream()
			.filter((version) -> version.overlaps(periodStart, periodEnd))
			.reduce((earlier, later) -> later);
	}

	/** Every version a code has had, oldest first. */
	public List<LocalityVersion> versionsOf(String code) {
		return this.localities.getOrDefault(code, List.of());
	}

	/** Every locality version, by code and date. */
	public List<LocalityVersion> localities() {
		return this.localities.values().stream().flatMap(List::stream).toList();
	}

	public List<LocalityVersion> localitiesInForce(LocalDate day) {
		return this.localities.values().stream()
			.flatMap(List::stream)
			.filter((version) -> version.inForceOn(day))
			.toList();
	}

	/**
	 * Restates a unit into the boundaries of another day: the code valid at {@code at}, followed through its
	 * successors until the unit in force on {@code boundariesOn}. Empty when the code was not valid at {@code at}
	 * or its line ends before that day.
	 */
	public Optional<LocalityVersion> restate(String code, Instant at, LocalDate boundariesOn) {
		Optional<LocalityVersion> unit = locality(code, at);
		for (int step = 0; unit.isPresent() && step < MAX_LINEAGE_STEPS; step++) {
			LocalityVersion version = unit.get();
			if (version.inForceOn(boundariesOn) || version.validFrom().isAfter(boundariesOn)) {
				return unit;
			}
			if (version.successorCode() == null || version.validTo() == null) {
				return Optional.empty();
			}
			unit = locality(version.successorCode(), version.validTo().plusDays(1));
		}
		return Optional.empty();
	}

	/**
	 * Restates a unit recorded at some time within a period (figures are kept per period, not per instant) into
	 * the boundaries of {@code boundariesOn}: the code's version in force latest within the period is followed.
	 */
	public Optional<LocalityVersion> restate(String code, LocalDate periodStart, LocalDate periodEnd,
			LocalDate boundariesOn) {
		return latestWithin(code, periodStart, periodEnd)
			.flatMap((version) -> restate(code,
					ReceiptPeriods.startOf(version.validTo() == null || version.validTo().isAfter(periodEnd)
							? periodEnd : version.validTo()),
					boundariesOn));
	}

	/** The unit a code valid at {@code at} belongs to in today's boundaries. */
	public Optional<LocalityVersion> currentUnitOf(String code, Instant at) {
		return restate(code, at, ReceiptPeriods.dayOf(Instant.now()));
	}

	/** The units a version was formed from, each as it was on the day before the version took effect. */
	public List<LocalityVersion> predecessorsOf(LocalityVersion version) {
		List<LocalityVersion> predecessors = new ArrayList<>();
		LocalDate dayBefore = version.validFrom().minusDays(1);
		for (String code : version.predecessorCodes()) {
			locality(code, dayBefore).ifPresent(predecessors::add);
		}
		return predecessors;
	}

	/**
	 * The codes a unit answers for: its own and, through the lineage, every code of a unit merged into any of its
	 * versions (Tuyên Quang 08 answers for Hà Giang 02). A local system of today's unit posts the late events of the
	 * units it took over under their old codes.
	 */
	public Set<String> lineageOf(String code) {
		return this.lineages.computeIfAbsent(code, (c) -> {
			Set<String> codes = new TreeSet<>();
			Set<LocalityVersion> visited = new HashSet<>();
			Deque<LocalityVersion> toVisit = new ArrayDeque<>(versionsOf(c));
			while (!toVisit.isEmpty()) {
				LocalityVersion version = toVisit.poll();
				if (visited.add(version)) {
					codes.add(version.code());
					toVisit.addAll(versionsOf(version.code()));
					toVisit.addAll(predecessorsOf(version));
				}
			}
			return Set.copyOf(codes);
		});
	}

	/** The target of an indicator in force on a day: the latest that took effect by then. */
	public Optional<IndicatorTarget> targetInForce(Indicator indicator, LocalDate day) {
		IndicatorTarget inForce = null;
		for (IndicatorTarget target : this.targets.getOrDefault(indicator, List.of())) {
			if (!target.effectiveFrom().isAfter(day)) {
				inForce = target;
			}
		}
		return Optional.ofNullable(inForce);
	}

	/** Every target, by indicator and date. */
	public List<IndicatorTarget> targets() {
		return this.targets.values().stream().flatMap(List::stream).toList();
	}

}
