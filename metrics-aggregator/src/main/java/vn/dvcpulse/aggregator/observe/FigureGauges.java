package vn.dvcpulse.aggregator.observe;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.dvcpulse.aggregator.domain.Granularity;
import vn.dvcpulse.aggregator.domain.Indicators;
import vn.dvcpulse.aggregator.domain.Rate;
import vn.dvcpulse.aggregator.report.Boundaries;
import vn.dvcpulse.aggregator.report.LocalityReport.LocalityFigure;
import vn.dvcpulse.aggregator.report.LocalityReport.Report;
import vn.dvcpulse.aggregator.report.LocalityReport;
import vn.dvcpulse.aggregator.stream.FiguresNotReadyException;
import vn.dvcpulse.contract.ReceiptPeriods;
import vn.dvcpulse.contract.catalog.CatalogFeed;
import vn.dvcpulse.contract.catalog.CatalogLookup;
import vn.dvcpulse.contract.catalog.Indicator;
import vn.dvcpulse.contract.catalog.LocalityVersion;

/**
 * The figures for Grafana, with bounded label sets: per current locality (today's 34 units) and for the nation, the
 * main rates and volumes of the month and the year so far, and per current locality the seconds since it last sent
 * anything, so that a silent locality shows. Per-service detail stays in the API, not in labels.
 */
@Component
public class FigureGauges {

	static final String NATIONAL = "national";

	private final LocalityReport report;

	private final CatalogFeed catalog;

	private final Arrivals arrivals;

	private final MeterRegistry meters;

	/** The latest figures, by period ("month", "year") and locality code or {@value #NATIONAL}. */
	private final Map<String, Map<String, Indicators>> figures = new ConcurrentHashMap<>();

	private final Set<String> registered = new HashSet<>();

	private final Clock clock;

	FigureGauges(LocalityReport report, CatalogFeed catalog, Arrivals arrivals, MeterRegistry meters, Clock clock) {
		this.clock = clock;
		this.report = report;
		this.catalog = catalog;
		this.arrivals = arrivals;
		this.meters = meters;
		// the target of each indicator in force today, so that dashboards can show the distance to it
		for (Indicator indicator : Indicator.values()) {
			Gauge.builder("dvc.target.threshold", this, (gauges) -> gauges.catalog.get()
				.targetInForce(indicator, ReceiptPeriods.dayOf(this.clock.instant()))
				.map((target) -> target.threshold().doubleValue())
				.orElse(Double.NaN))
				.description("The catalog's target of an indicator in force today, as a share")
				.tag("indicator", indicator.name())
				.register(meters);
		}
	}

	/** Recomputed every 15 s from the rollups: a month or a year is a few thousand entries, read by key range. */
	@Scheduled(fixedDelayString = "${dvc.metrics.gauge-refresh:15s}", initialDelayString = "5s")
	public void refresh() {
		LocalDate today = ReceiptPeriods.dayOf(this.clock.instant());
		try {
			this.figures.put("month", figures(this.report.localities(new LocalityReport.Query(today.withDayOfMonth(1),
					today, Granularity.MONTH, Boundaries.CURRENT, null, null))));
			this.figures.put("year", figures(this.report.localities(new LocalityReport.Query(today.withDayOfYear(1),
					today, Granularity.YEAR, Boundaries.CURRENT, null, null))));
		}
		catch (FiguresNotReadyException ex) {
			return; // the stores are restoring: keep the last figures
		}
		CatalogLookup lookup = this.catalog.get();
		for (LocalityVersion unit : lookup.localitiesInForce(today)) {
			register(unit.code(), lookup);
		}
		register(NATIONAL, lookup);
	}

	private static Map<String, Indicators> figures(Report report) {
		Map<String, Indicators> figures = new ConcurrentHashMap<>();
		for (LocalityFigure figure : report.localities()) {
			figures.put(figure.localityCode(), figure.indicators());
		}
		figures.put(NATIONAL, report.national());
		return figures;
	}

	private synchronized void register(String code, CatalogLookup lookup) {
		if (!this.registered.add(code)) {
			return;
		}
		String prefix = code.equals(NATIONAL) ? "dvc.national." : "dvc.locality.";
		for (String period : new String[] { "month", "year" }) {
			gauge(prefix + "received", "Applications received", code, period, (i) -> i.volume());
			gauge(prefix + "online.submission.rate", "Received online ÷ received", code, period,
					(i) -> rate(i.onlineSubmission()));
			gauge(prefix + "full.process.online.rate", "Received online at level FULL ÷ received, eligible services",
					code, period, (i) -> rate(i.fullProcessOnline()));
			gauge(prefix + "on.time.rate", "Completed on time ÷ completed with a due time", code, period,
					(i) -> rate(i.onTime()));
			gauge(prefix + "overdue.in.progress", "Applications still in progress after their due time", code, period,
					(i) -> i.overdueInProgress());
			gauge(prefix + "digitisation.rate", "Digitised ÷ received", code, period, (i) -> rate(i.digitisation()));
			gauge(prefix + "satisfied.rate", "Rated 4 or 5 ÷ rated", code, period, (i) -> rate(i.satisfied()));
		}
		if (!code.equals(NATIONAL)) {
			// where the unit is and what it is called, for maps and tables: joined on locality in PromQL
			lookup.versionsOf(code).stream().reduce((earlier, later) -> later).ifPresent((unit) -> Gauge
				.builder("dvc.locality.info", () -> 1)
				.description("A current locality's name and centroid (from the catalog), as labels; the value is 1")
				.tag("locality", code)
				.tag("name", unit.nameVi())
				.tag("latitude", (unit.latitude() != null) ? unit.latitude().toString() : "")
				.tag("longitude", (unit.longitude() != null) ? unit.longitude().toString() : "")
				.register(this.meters));
			Gauge.builder("dvc.locality.last.event.age", this, (gauges) -> gauges.secondsSinceLastEvent(code))
				.description("Seconds since the locality (in today's units, with its predecessors) last sent anything")
				.baseUnit("seconds")
				.tag("locality", code)
				.register(this.meters);
		}
	}

	private void gauge(String name, String description, String code, String period,
			ToDoubleFunction<Indicators> value) {
		Gauge.Builder<FigureGauges> builder = Gauge.builder(name, this, (gauges) -> {
			Indicators indicators = gauges.figures.getOrDefault(period, Map.of()).get(code);
			return (indicators != null) ? value.applyAsDouble(indicators) : Double.NaN;
		}).description(description).tag("period", period);
		if (!code.equals(NATIONAL)) {
			builder.tag("locality", code);
		}
		builder.register(this.meters);
	}

	/** The youngest arrival among the unit and the units it was formed from; NaN until one has sent anything. */
	double secondsSinceLastEvent(String code) {
		CatalogLookup lookup = this.catalog.get();
		LocalDate today = ReceiptPeriods.dayOf(this.clock.instant());
		Set<String> codes = new HashSet<>();
		codes.add(code);
		lookup.locality(code, today).ifPresent((unit) -> codes.addAll(unit.predecessorCodes()));
		long latest = codes.stream()
			.map(this.arrivals::lastArrival)
			.filter((at) -> at != null)
			.mapToLong(Long::longValue)
			.max()
			.orElse(-1);
		return (latest < 0) ? Double.NaN : (this.clock.millis() - latest) / 1000.0;
	}

	private static double rate(Rate rate) {
		return (rate.value() != null) ? rate.value().doubleValue() : Double.NaN;
	}

}
