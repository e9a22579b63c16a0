package vn.dvcpulse.aggregator.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.dvcpulse.aggregator.domain.Granularity;
import vn.dvcpulse.contract.ReceiptPeriods;
import vn.dvcpulse.contract.catalog.CatalogFeed;
import vn.dvcpulse.contract.problem.FieldProblem;
import vn.dvcpulse.contract.problem.InvalidFieldsException;

/** The indicators per locality, for the National Committee and the dashboards. */
@RestController
@RequestMapping("/api/v1/metrics")
class LocalityMetricsResource {

	private final LocalityReport report;

	private final CatalogFeed catalog;

	LocalityMetricsResource(LocalityReport report, CatalogFeed catalog) {
		this.report = report;
		this.catalog = catalog;
	}

	/**
	 * Every locality with its indicators and ranks over the periods from {@code from} to {@code to} (by default the
	 * current year), in today's units ({@code boundaries=current}, the default) or those of the time.
	 */
	@GetMapping("/localities")
	LocalityReport.Report localities(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "YEAR") Granularity granularity,
			@RequestParam(defaultValue = "CURRENT") Boundaries boundaries,
			@RequestParam(required = false) String program, @RequestParam(required = false) String service) {
		LocalDate today = LocalDate.now(ReceiptPeriods.ZONE);
		LocalDate first = (from != null) ? from : today.withDayOfYear(1);
		LocalDate last = (to != null) ? to : today;
		if (first.isAfter(last)) {
			throw new InvalidFieldsException(List.of(FieldProblem.invalid("from", "a day no later than to", first)));
		}
		if (service != null && !this.catalog.get().isKnownService(service)) {
			throw new InvalidFieldsException(
					List.of(FieldProblem.invalid("service", "the code of one of the 53 essential services", service)));
		}
		if (program != null && !program.equalsIgnoreCase("P06") && !program.equalsIgnoreCase("Q422")) {
			throw new InvalidFieldsException(List.of(FieldProblem.invalid("program", "P06 or Q422", program)));
		}
		return this.report.localities(new LocalityReport.Query(first, last, granularity, boundaries, program, service));
	}

}
