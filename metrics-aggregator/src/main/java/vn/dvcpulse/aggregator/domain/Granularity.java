package vn.dvcpulse.aggregator.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

/**
 * The periods figures are rolled up by, each named so that names sort in time: {@code 2025-08-04},
 * {@code 2025-08}, {@code 2025-Q3}, {@code 2025}. Days are Viet Nam's.
 */
public enum Granularity {

	DAY("D"), MONTH("M"), QUARTER("Q"), YEAR("Y");

	private final String prefix;

	Granularity(String prefix) {
		this.prefix = prefix;
	}

	/** The short tag rollup keys start with. */
	public String prefix() {
		return this.prefix;
	}

	/** The granularity a rollup key starts with. */
	public static Granularity ofPrefix(String prefix) {
		for (Granularity granularity : values()) {
			if (granularity.prefix.equals(prefix)) {
				return granularity;
			}
		}
		throw new IllegalArgumentException("No granularity has the prefix " + prefix);
	}

	/** The period a day belongs to. */
	public String periodOf(LocalDate day) {
		return switch (this) {
			case DAY -> day.toString();
			case MONTH -> YearMonth.from(day).toString();
			case QUARTER -> day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
			case YEAR -> Integer.toString(day.getYear());
		};
	}

	/** The first day of a period. */
	public LocalDate start(String period) {
		try {
			return switch (this) {
				case DAY -> LocalDate.parse(period);
				case MONTH -> YearMonth.parse(period).atDay(1);
				case QUARTER -> LocalDate.of(Integer.parseInt(period.substring(0, 4)),
						(Integer.parseInt(period.substring(6)) - 1) * 3 + 1, 1);
				case YEAR -> LocalDate.of(Integer.parseInt(period), 1, 1);
			};
		}
		catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException ex) {
			throw new IllegalArgumentException("'" + period + "' is not a " + name().toLowerCase() + " period", ex);
		}
	}

	/** The last day of a period. */
	public LocalDate end(String period) {
		LocalDate start = start(period);
		return switch (this) {
			case DAY -> start;
			case MONTH -> start.plusMonths(1).minusDays(1);
			case QUARTER -> start.plusMonths(3).minusDays(1);
			case YEAR -> start.plusYears(1).minusDays(1);
		};
	}

	/** The periods from the one holding {@code from} to the one holding {@code to}, in order. */
	public List<String> periods(LocalDate from, LocalDate to) {
		List<String> periods = new ArrayList<>();
		for (LocalDate day = start(periodOf(from)); !day.isAfter(to); day = end(periodOf(day)).plusDays(1)) {
			periods.add(periodOf(day));
		}
		return periods;
	}

}
