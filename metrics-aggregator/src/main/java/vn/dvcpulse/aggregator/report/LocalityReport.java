package vn.dvcpulse.aggregator.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.dvcpulse.aggregator.domain.Counts;
import vn.dvcpulse.aggregator.domain.DistinctCitizens;
import vn.dvcpulse.aggregator.domain.Granularity;
import vn.dvcpulse.aggregator.domain.Indicators;
import vn.dvcpulse.aggregator.domain.Rate;
import vn.dvcpulse.aggregator.stream.RollupKey;
import vn.dvcpulse.aggregator.stream.Rollups.Entry;
import vn.dvcpulse.aggregator.stream.Rollups.Sketch;
import vn.dvcpulse.aggregator.stream.Rollups;
import vn.dvcpulse.contract.ReceiptPeriods;
import vn.dvcpulse.contract.catalog.CatalogFeed;
import vn.dvcpulse.contract.catalog.CatalogLookup;
import vn.dvcpulse.contract.catalog.Indicator;
import vn.dvcpulse.contract.catalog.IndicatorTarget;
import vn.dvcpulse.contract.catalog.LocalityVersion;
import vn.dvcpulse.contract.catalog.Programme;

/**
 * Every locality's indicators over a run of periods, in the boundaries asked for, ranked. Localities below the
 * minimum volume are listed but not ranked: a rate of 2 out of 3 says little.
 * <p>
 * Each answer is kept under what it was computed from (the rollups' change count, the catalog, the day) and served
 * again while that is still the same: a yearly ranking costs about 7 ms of CPU, and the committee, the dashboards
 * and the gauges ask the same few questions far more often than the figures change when no events arrive. An answer
 * is never staler than the global tables it was computed from.
 */
@Component
public class LocalityReport {

	static final String NATIONAL = "national";

	/**
	 * How many figures (a locality's, a service's or a period's indicators, about a kilobyte each) the kept answers
	 * hold in all: the dashboards and the committee ask a few dozen questions of a few dozen figures, while one
	 * question of three years of days has a thousand. Bounded by size, not by count, so no mix of questions can fill
	 * the heap.
	 */
	static final long FIGURES_KEPT = 20_000;

	private final Rollups rollups;

	private final CatalogFeed catalog;

	private final long minimumVolume;

	private final Cache<Question, Object> answers = Caffeine.newBuilder().maximumWeight(FIGURES_KEPT)
		.weigher((Question question, Object answer) -> figures(answer))
		.build();

	private final Clock clock;

	LocalityReport(Rollups rollups, CatalogFeed catalog, Clock clock,
			@Value("${dvc.metrics.minimum-volume:30}") long minimumVolume) {
		this.rollups = rollups;
		this.clock = clock;
		this.catalog = catalog;
		this.minimumVolume = minimumVolume;
	}

	/** Today in Viet Nam, by the injected clock. */
	private LocalDate today() {
		return ReceiptPeriods.dayOf(this.clock.instant());
	}

	/** How many figures an answer holds, one at least. */
	static int figures(Object answer) {
		int figures = 1;
		if (answer instanceof Report report) {
			figures = report.localities().size();
		}
		else if (answer instanceof LocalityDetail detail) {
			figures = detail.services().size() + detail.series().size();
		}
		else if (answer instanceof National national) {
			figures = national.series().size();
		}
		else if (answer instanceof Targets targets) {
			figures = targets.localities().size();
		}
		return Math.max(1, figures);
	}

	public Report localities(Query query) {
		return answer(() -> ranking(query), "localities", query);
	}

	/**
	 * The answer to the question computed from what holds now: kept under the question and its basis, so a change
	 * of the rollups, the catalog or the day asks anew (what was kept for an older basis ages out by weight).
	 */
	@SuppressWarnings("unchecked")
	private <T> T answer(Supplier<T> compute, String question, Object... parameters) {
		// read before computing: a change applied meanwhile makes the kept answer stale at once, never wrong
		Basis basis = new Basis(this.rollups.changes(), this.catalog.get(), today());
		return (T) this.answers.get(new Question(question, List.of(parameters), basis), (asked) -> compute.get());
	}

	private Report ranking(Query query) {
		Collected collected = collect(query);
		CatalogLookup lookup = collected.lookup();
		Map<String, Map<String, Counts>> byLocality = new TreeMap<>();
		Map<String, Counts> national = new TreeMap<>();
		for (Counted counted : collected.entries()) {
			byLocality.computeIfAbsent(counted.locality(), (code) -> new TreeMap<>())
				.merge(counted.service(), counted.counts(), Counts::add);
			national.merge(counted.service(), counted.counts(), Counts::add);
		}
		Map<String, DistinctAdults> adults = distinctAdults(query, collected.period(), lookup);
		List<LocalityFigure> figures = new ArrayList<>();
		byLocality.forEach((code, byService) -> figures.add(figure(code, Indicators.of(byService, lookup), lookup,
				query.boundaries(), collected.period(), (adults != null) ? adults.get(code) : null)));
		Indicators nation = Indicators.of(national, lookup);
		return new Report(collected.period(), query.boundaries(), lookup.catalogVersion(),
				Indicators.DEFINITIONS_VERSION, nation.asOf(), this.minimumVolume, nation,
				(adults != null) ? adults.get(NATIONAL) : null, rank(figures));
	}

	/** One locality: its indicators, per service, and per period. */
	public LocalityDetail locality(String code, Query query) {
		return answer(() -> detail(code, query), "locality", code, query);
	}

	private LocalityDetail detail(String code, Query query) {
		Collected collected = collect(query);
		CatalogLookup lookup = collected.lookup();
		Map<String, Counts> byService = new TreeMap<>();
		Map<String, Map<String, Counts>> byPeriod = new TreeMap<>();
		for (Counted counted : collected.entries()) {
			if (counted.locality().equals(code)) {
				byService.merge(counted.service(), counted.counts(), Counts::add);
				byPeriod.computeIfAbsent(counted.period(), (p) -> new TreeMap<>())
					.merge(counted.service(), counted.counts(), Counts::add);
			}
		}
		List<ServiceFigure> services = new ArrayList<>();
		byService.forEach((service, counts) -> services.add(new ServiceFigure(service,
				lookup.service(service).map((s) -> s.nameVi()).orElse(null),
				Indicators.of(Map.of(service, counts), lookup))));
		Map<String, DistinctAdults> adults = distinctAdults(query, collected.period(), lookup);
		LocalityFigure figure = figure(code, Indicators.of(byService, lookup), lookup, query.boundaries(),
				collected.period(), (adults != null) ? adults.get(code) : null);
		return new LocalityDetail(collected.period(), query.boundaries(), lookup.catalogVersion(),
				Indicators.DEFINITIONS_VERSION, figure.indicators().asOf(), figure, services,
				series(byPeriod, query.granularity(), lookup));
	}

	/** Each locality's distance to each target in force on the last day of the period. */
	public Targets targets(Query query) {
		return answer(() -> distances(query), "targets", query);
	}

	private Targets distances(Query query) {
		// computed here, not asked of the kept answers: a loader must not use the cache it loads into
		Report report = ranking(query);
		CatalogLookup lookup = this.catalog.get();
		List<LocalityTargets> localities = new ArrayList<>();
		for (LocalityFigure figure : report.localities()) {
			List<TargetDistance> distances = new ArrayList<>();
			for (IndicatorTarget target : lookup.targets()) {
				if (lookup.targetInForce(target.indicator(), report.period().to()).filter(target::equals).isEmpty()) {
					continue;
				}
				measure(figure, target.indicator())
					.filter((rate) -> rate.value() != null)
					.ifPresent((rate) -> distances.add(new TargetDistance(target.indicator(), target.threshold(),
							target.effectiveFrom(), rate, rate.value().subtract(target.threshold()),
							rate.value().compareTo(target.threshold()) >= 0)));
			}
			localities.add(new LocalityTargets(figure.localityCode(), figure.name(), distances));
		}
		return new Targets(report.period(), report.boundaries(), report.catalogVersion(), report.definitionsVersion(),
				report.asOf(), localities);
	}

	private static Optional<Rate> measure(LocalityFigure figure, Indicator indicator) {
		if (indicator == Indicator.ADULTS_USING_ONLINE) {
			return Optional.ofNullable(figure.distinctAdults()).flatMap(DistinctAdults::rate);
		}
		return figure.indicators().measure(indicator);
	}

	/** The nation per period. */
	public National national(Query query) {
		return answer(() -> nation(query), "national", query);
	}

	private National nation(Query query) {
		Collected collected = collect(query);
		Map<String, Map<String, Counts>> byPeriod = new TreeMap<>();
		Map<String, Counts> all = new TreeMap<>();
		for (Counted counted : collected.entries()) {
			byPeriod.computeIfAbsent(counted.period(), (p) -> new TreeMap<>())
				.merge(counted.service(), counted.counts(), Counts::add);
			all.merge(counted.service(), counted.counts(), Counts::add);
		}
		Indicators total = Indicators.of(all, collected.lookup());
		return new National(collected.period(), collected.lookup().catalogVersion(), Indicators.DEFINITIONS_VERSION,
				total.asOf(), total, series(byPeriod, query.granularity(), collected.lookup()));
	}

	private static List<PeriodFigure> series(Map<String, Map<String, Counts>> byPeriod, Granularity granularity,
			CatalogLookup lookup) {
		List<PeriodFigure> series = new ArrayList<>();
		byPeriod.forEach((period, byService) -> series.add(new PeriodFigure(period, granularity.start(period),
				granularity.end(period), Indicators.of(byService, lookup))));
		return series;
	}

	/** The rollup entries of the query's periods and services, each under the unit the query asks for. */
	private Collected collect(Query query) {
		CatalogLookup lookup = this.catalog.get();
		List<String> periods = query.granularity().periods(query.from(), query.to());
		LocalDate start = query.granularity().start(periods.get(0));
		LocalDate end = query.granularity().end(periods.get(periods.size() - 1));
		LocalDate today = today();
		List<Counted> entries = new ArrayList<>();
		for (Entry entry : this.rollups.between(query.granularity(), periods.get(0), periods.get(periods.size() - 1))) {
			if (query.includes(entry.key().service(), lookup)) {
				entries.add(new Counted(unitOf(entry.key(), query, lookup, today), entry.key().service(),
						entry.key().period(), entry.counts()));
			}
		}
		return new Collected(lookup, new Period(start, end, query.granularity()), entries);
	}

	private record Counted(String locality, String service, String period, Counts counts) {
	}

	private record Collected(CatalogLookup lookup, Period period, List<Counted> entries) {
	}

	/** The unit an entry is counted under: as recorded, or restated through the catalog's lineage. */
	private static String unitOf(RollupKey key, Query query, CatalogLookup lookup, LocalDate today) {
		if (query.boundaries() == Boundaries.AS_RECORDED) {
			return key.locality();
		}
		Granularity granularity = key.granularity();
		return lookup.restate(key.locality(), granularity.start(key.period()), granularity.end(key.period()), today)
			.map(LocalityVersion::code)
			.orElse(key.locality());
	}

	/**
	 * Distinct applicants per unit (merging periods and, in today's units, predecessors), over the adults of the
	 * unit; {@code null} at day granularity, where no sketches are kept.
	 */
	private Map<String, DistinctAdults> distinctAdults(Query query, Period period, CatalogLookup lookup) {
		Map<String, List<byte[]>> sketches = new TreeMap<>();
		List<String> periods = query.granularity().periods(query.from(), query.to());
		LocalDate today = today();
		List<Sketch> found = this.rollups.distinctCitizens(query.granularity(), periods.get(0),
				periods.get(periods.size() - 1));
		if (found.isEmpty() && query.granularity() == Granularity.DAY) {
			return null;
		}
		for (Sketch sketch : found) {
			sketches.computeIfAbsent(unitOf(sketch.key(), query, lookup, today), (code) -> new ArrayList<>())
				.add(sketch.state());
			sketches.computeIfAbsent(NATIONAL, (code) -> new ArrayList<>()).add(sketch.state());
		}
		Map<String, DistinctAdults> adults = new TreeMap<>();
		sketches.forEach((code, states) -> {
			long estimate = DistinctCitizens.estimate(DistinctCitizens.union(states));
			List<LocalityVersion> units = code.equals(NATIONAL) ? lookup.localitiesInForce(today)
					: unitFor(code, query.boundaries(), period, lookup).map(List::of).orElse(List.of());
			adults.put(code, DistinctAdults.of(estimate, units));
		});
		return adults;
	}

	private Optional<LocalityVersion> unitFor(String code, Boundaries boundaries, Period period,
			CatalogLookup lookup) {
		LocalDate on = (boundaries == Boundaries.CURRENT) ? today() : period.to();
		return lookup.locality(code, on).or(() -> lookup.latestWithin(code, period.from(), period.to()));
	}

	private LocalityFigure figure(String code, Indicators indicators, CatalogLookup lookup, Boundaries boundaries,
			Period period, DistinctAdults distinctAdults) {
		String name = unitFor(code, boundaries, period, lookup).map(LocalityVersion::nameVi).orElse(null);
		String notRanked = (indicators.volume() < this.minimumVolume)
				? "volume " + indicators.volume() + " is below the minimum of " + this.minimumVolume : null;
		return new LocalityFigure(code, name, indicators.volume(), notRanked == null, notRanked, indicators,
				Map.of(), distinctAdults);
	}

	/** Ranks per rate among the ranked localities: highest first, equal rates sharing a rank. */
	private static List<LocalityFigure> rank(List<LocalityFigure> figures) {
		Map<String, Map<String, Integer>> ranks = new TreeMap<>();
		Indicators.RATES.forEach((indicator, rate) -> {
			List<LocalityFigure> rankable = figures.stream()
				.filter(LocalityFigure::ranked)
				.filter((figure) -> rate.apply(figure.indicators()).value() != null)
				.sorted(Comparator.comparing((LocalityFigure figure) -> rate.apply(figure.indicators()).value())
					.reversed())
				.toList();
			BigDecimal previous = null;
			int rank = 0;
			for (int i = 0; i < rankable.size(); i++) {
				BigDecimal value = rate.apply(rankable.get(i).indicators()).value();
				if (previous == null || value.compareTo(previous) != 0) {
					rank = i + 1;
					previous = value;
				}
				ranks.computeIfAbsent(rankable.get(i).localityCode(), (code) -> new TreeMap<>()).put(indicator, rank);
			}
		});
		return figures.stream()
			.map((figure) -> new LocalityFigure(figure.localityCode(), figure.name(), figure.volume(), figure.ranked(),
					figure.notRankedBecause(), figure.indicators(), ranks.getOrDefault(figure.localityCode(), Map.of()),
					figure.distinctAdults()))
			.toList();
	}

	/**
	 * @param from        the first day asked for
	 * @param to          the last day asked for
	 * @param granularity the periods the range is read in (it is widened to whole periods)
	 * @param boundaries  the units figures are given in
	 * @param program     only services of this programme, when given
	 * @param service     only this service, when given
	 */
	public record Query(LocalDate from, LocalDate to, Granularity granularity, Boundaries boundaries, String program,
			String service) {

		boolean includes(String serviceCode, CatalogLookup lookup) {
			if (this.service != null && !this.service.equals(serviceCode)) {
				return false;
			}
			return this.program == null || lookup.service(serviceCode)
				.map((s) -> Programme.of(this.program).map((programme) -> programme.includes(s)).orElse(false))
				.orElse(false);
		}

	}

	public record Period(LocalDate from, LocalDate to, Granularity granularity) {
	}

	public record ServiceFigure(String serviceCode, String name, Indicators indicators) {
	}

	public record PeriodFigure(String period, LocalDate from, LocalDate to, Indicators indicators) {
	}

	/**
	 * @param locality the locality's figures over the whole period, with its ranks left out (see the ranking)
	 * @param services its figures per service
	 * @param series   its figures per period
	 */
	public record LocalityDetail(Period period, Boundaries boundaries, long catalogVersion, String definitionsVersion,
			Instant asOf, LocalityFigure locality, List<ServiceFigure> services, List<PeriodFigure> series) {
	}

	/**
	 * @param indicator     the indicator
	 * @param target        the threshold for full marks
	 * @param effectiveFrom since when the target is in force
	 * @param measured      the locality's rate, with its counts
	 * @param distance      measured minus target: negative when short of it
	 * @param met           whether the target is reached
	 */
	public record TargetDistance(Indicator indicator, BigDecimal target, LocalDate effectiveFrom, Rate measured,
			BigDecimal distance, boolean met) {
	}

	public record LocalityTargets(String localityCode, String name, List<TargetDistance> targets) {
	}

	public record Targets(Period period, Boundaries boundaries, long catalogVersion, String definitionsVersion, Instant asOf,
			List<LocalityTargets> localities) {
	}

	public record National(Period period, long catalogVersion, String definitionsVersion, Instant asOf,
			Indicators indicators, List<PeriodFigure> series) {
	}

	/**
	 * @param period             the whole periods the figures cover
	 * @param boundaries         the units they are given in
	 * @param catalogVersion     the catalog they were computed with
	 * @param definitionsVersion the indicator definitions they follow
	 * @param asOf               the latest milestone included
	 * @param minimumVolume      below it a locality is not ranked
	 * @param national           the nation's indicators
	 * @param localities         each locality's, by code
	 */
	public record Report(Period period, Boundaries boundaries, long catalogVersion, String definitionsVersion, Instant asOf,
			long minimumVolume, Indicators national, DistinctAdults nationalDistinctAdults,
			List<LocalityFigure> localities) {
	}

	/**
	 * @param localityCode     the unit
	 * @param name             its Vietnamese name
	 * @param volume           applications received
	 * @param ranked           whether it is ranked
	 * @param notRankedBecause why not, when it is not
	 * @param indicators       its indicators, each with its counts
	 * @param ranks            its rank per indicator
	 * @param distinctAdults   distinct applicants over its adults, when kept for the granularity
	 */
	public record LocalityFigure(String localityCode, String name, long volume, boolean ranked, String notRankedBecause,
			Indicators indicators, Map<String, Integer> ranks, DistinctAdults distinctAdults) {
	}

	/** A question, and what its answer depends on besides. */
	private record Question(String name, List<Object> parameters, Basis basis) {
	}

	/** What an answer depends on besides the question; the catalog by identity, as each change makes a new one. */
	private record Basis(long rollupChanges, CatalogLookup catalog, LocalDate today) {
	}

}
