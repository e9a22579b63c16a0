package vn.dvcpulse.aggregator.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.dvcpulse.aggregator.domain.Granularity;
import vn.dvcpulse.aggregator.report.Boundaries;
import vn.dvcpulse.aggregator.report.LocalityReport;
import vn.dvcpulse.contract.ReceiptPeriods;
import vn.dvcpulse.contract.catalog.CatalogFeed;
import vn.dvcpulse.contract.catalog.CatalogLookup;
import vn.dvcpulse.contract.problem.FieldProblem;
import vn.dvcpulse.contract.problem.InvalidFieldsException;

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

	LocalityMetricsResource(LocalityReport report, CatalogFeed catalog) {
		this.report = report;
		this.catalog = catalog;
	}

	/** Every locality with its indicators and its rank per indicator. */
	@GetMapping("/localities")
	LocalityReport.Report localities(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "YEAR") Granularity granularity,
			@RequestParam(defaultValue = "CURRENT") Boundaries boundaries,
			@RequestParam(required = false) String program, @RequestParam(required = false) String service) {
		return this.report.localities(query(from, to, granularity, boundaries, program, service));
	}

	/** One locality: its indicators, per service, and as a time series. */
	@GetMapping("/localities/{code}")
	LocalityReport.LocalityDetail locality(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "MONTH") Granularity granularity,
			@RequestParam(defaultValue = "CURRENT") Boundaries boundaries,
			@RequestParam(required = false) String program, @RequestParam(required = false) String service) {
		if (this.catalog.get().versionsOf(code).isEmpty()) {
			throw new InvalidFieldsException(
					List.of(FieldProblem.invalid("code", "a locality code of the catalog, e.g. 01", code)));
		}
		return this.report.locality(code, query(from, to, granularity, boundaries, program, service));
	}

	/** One service across localities. */
	@GetMapping("/services/{code}")
	LocalityReport.Report service(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "YEAR") Granularity granularity,
			@RequestParam(defaultValue = "CURRENT") Boundaries boundaries) {
		return this.report.localities(query(from, to, granularity, boundaries, null, code));
	}

	/** The nation's totals as a time series. */
	@GetMapping("/national")
	LocalityReport.National national(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "MONTH") Granularity granularity,
			@RequestParam(required = false) String program, @RequestParam(required = false) String service) {
		return this.report.national(query(from, to, granularity, Boundaries.CURRENT, program, service));
	}

	/** Each locality's distance to each target in force at the end of the period. */
	@GetMapping("/targets")
	LocalityReport.Targets targets(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "YEAR") Granularity granularity,
			@RequestParam(defaultValue = "CURRENT") Boundaries boundaries,
			@RequestParam(required = false) String program, @RequestParam(required = false) String service) {
		return this.report.targets(query(from, to, granularity, boundaries, program, service));
	}

	private LocalityReport.Query query(LocalDate from, LocalDate to, Granularity granularity, Boundaries boundaries,
			String program, String service) {
		LocalDate today = LocalDate.now(ReceiptPeriods.ZONE);
		LocalDate first = (from != null) ? from : today.withDayOfYear(1);
		LocalDate last = (to != null) ? to : today;
		if (first.isAfter(last)) {
			throw new InvalidFieldsException(List.of(FieldProblem.invalid("from", "a day no later than to", first)));
		}
		CatalogLookup lookup = this.catalog.get();
		if (service != null && !lookup.isKnownService(service)) {
			throw new InvalidFieldsException(
					List.of(FieldProblem.invalid("service", "the code of one of the 53 essential services", service)));
		}
		if (program != null && !program.equalsIgnoreCase("P06") && !program.equalsIgnoreCase("Q422")) {
			throw new InvalidFieldsException(List.of(FieldProblem.invalid("program", "P06 or Q422", program)));
		}
		return new LocalityReport.Query(first, last, granularity, boundaries, program, service);
	}

}
