package vn.dvcpulse.aggregator.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.dvcpulse.aggregator.domain.Granularity;
import vn.dvcpulse.aggregator.report.Boundaries;
import vn.dvcpulse.aggregator.report.LocalityReport;
import vn.dvcpulse.contract.ReceiptPeriods;
import vn.dvcpulse.contract.catalog.CatalogFeed;
import vn.dvcpulse.contract.catalog.CatalogLookup;
import vn.dvcpulse.contract.catalog.Programme;
import vn.dvcpulse.contract.problem.FieldProblem;
import vn.dvcpulse.contract.problem.InvalidFieldsException;
import vn.dvcpulse.contract.problem.ProblemType;

/**
 * The indicators, for the National Committee and the dashboards. Every question takes the same period and scope:
 * {@code from}, {@code to} (by default the current year), {@code granularity}, {@code boundaries} (today's units
 * by default, or those of the time), and optionally a {@code program} or one {@code service}.
 */
@RestController
@RequestMapping("/api/v1/metrics")
class LocalityMetricsResource {

	private final LocalityReport report;

	private final CatalogFeed catalog;

	private final Clock clock;

	LocalityMetricsResource(LocalityReport report, CatalogFeed catalog, Clock clock) {
		this.report = report;
		this.clock = clock;
		this.catalog = catalog;
	}

	/** Every locality with its indicators and its rank per indicator. */
	@GetMapping("/localities")
	LocalityReport.Report localities(FigureParameters parameters) {
		return this.report.localities(query(parameters, Granularity.YEAR));
	}

	/** One locality: its indicators, per service, and as a time series. */
	@GetMapping("/localities/{code}")
	LocalityReport.LocalityDetail locality(@PathVariable String code, FigureParameters parameters) {
		if (this.catalog.get().versionsOf(code).isEmpty()) {
			throw new InvalidFieldsException(ProblemType.INVALID_PARAMETER,
					List.of(FieldProblem.invalid("code", "a locality code of the catalog, e.g. 01", code)));
		}
		return this.report.locality(code, query(parameters, Granularity.MONTH));
	}

	/** One service across localities. */
	@GetMapping("/services/{code}")
	LocalityReport.Report service(@PathVariable String code, FigureParameters parameters) {
		return this.report.localities(query(new FigureParameters(parameters.from(), parameters.to(),
				parameters.granularity(), parameters.boundaries(), null, code), Granularity.YEAR));
	}

	/** The nation's totals as a time series. */
	@GetMapping("/national")
	LocalityReport.National national(FigureParameters parameters) {
		return this.report.national(query(parameters, Granularity.MONTH));
	}

	/** Each locality's distance to each target in force at the end of the period. */
	@GetMapping("/targets")
	LocalityReport.Targets targets(FigureParameters parameters) {
		return this.report.targets(query(parameters, Granularity.YEAR));
	}

	/** The most days one question of daily figures covers: the cost of a question grows with its periods. */
	static final int MAX_DAYS = 3 * 366;

	/** Every day asked of is a day of the era: the figures hold nothing else, and its arithmetic nothing further. */
	private static void inEra(String parameter, LocalDate day) {
		if (day.isBefore(ReceiptPeriods.ERA_START) || !day.isBefore(ReceiptPeriods.ERA_END)) {
			throw new InvalidFieldsException(ProblemType.INVALID_PARAMETER, List.of(FieldProblem.invalid(parameter,
					"a day from " + ReceiptPeriods.ERA_START + " to before " + ReceiptPeriods.ERA_END, day)));
		}
	}

	/** An empty filter (?program=) is no filter. */
	private static String blankAsNone(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private LocalityReport.Query query(FigureParameters parameters, Granularity defaultGranularity) {
		LocalDate today = ReceiptPeriods.dayOf(this.clock.instant());
		LocalDate first = (parameters.from() != null) ? parameters.from() : today.withDayOfYear(1);
		LocalDate last = (parameters.to() != null) ? parameters.to() : today;
		String service = blankAsNone(parameters.service());
		String program = blankAsNone(parameters.program());
		inEra("from", first);
		inEra("to", last);
		if (first.isAfter(last)) {
			throw new InvalidFieldsException(ProblemType.INVALID_PARAMETER,
					List.of(FieldProblem.invalid("from", "a day no later than to", first)));
		}
		Granularity granularity = (parameters.granularity() != null) ? parameters.granularity() : defaultGranularity;
		if (granularity == Granularity.DAY && ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
			throw new InvalidFieldsException(ProblemType.INVALID_PARAMETER, List.of(FieldProblem.invalid("to",
					"at most " + MAX_DAYS + " days after from at granularity day (months, quarters or years for more)",
					last)));
		}
		CatalogLookup lookup = this.catalog.get();
		if (service != null && !lookup.isKnownService(service)) {
			throw new InvalidFieldsException(ProblemType.INVALID_PARAMETER,
					List.of(FieldProblem.invalid("service", "the code of one of the 53 essential services", service)));
		}
		if (program != null && Programme.of(program).isEmpty()) {
			throw new InvalidFieldsException(ProblemType.INVALID_PARAMETER,
					List.of(FieldProblem.invalid("program", Programme.expected(), program)));
		}
		Boundaries boundaries = (parameters.boundaries() != null) ? parameters.boundaries() : Boundaries.CURRENT;
		return new LocalityReport.Query(first, last, granularity, boundaries, program, service);
	}

}
