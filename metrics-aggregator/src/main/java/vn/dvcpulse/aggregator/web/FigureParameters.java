package vn.dvcpulse.aggregator.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import vn.dvcpulse.aggregator.domain.Granularity;
import vn.dvcpulse.aggregator.report.Boundaries;

/**
 * The period and scope every question about the figures takes, bound from the query string.
 *
 * @param from        the first day (by default the first of the current year)
 * @param to          the last day (by default today)
 * @param granularity the periods (each endpoint has its default)
 * @param boundaries  {@code current} (the default) or {@code as-recorded}
 * @param program     only services of this programme
 * @param service     only this service
 */
record FigureParameters(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Granularity granularity, Boundaries boundaries,
		String program, String service) {

}
