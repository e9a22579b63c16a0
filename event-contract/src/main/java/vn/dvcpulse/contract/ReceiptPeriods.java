package vn.dvcpulse.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Periods are the calendar of Viet Nam: an instant belongs to the day it is in Asia/Ho_Chi_Minh. */
public final class ReceiptPeriods {

	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	/** The first day any figure is kept for: the essential-service programmes began in 2022. */
	public static final LocalDate ERA_START = LocalDate.of(2020, 1, 1);

	/** The first day past the era: no real step or promise of an application falls on or after it. */
	public static final LocalDate ERA_END = LocalDate.of(2100, 1, 1);

	private ReceiptPeriods() {
	}

	/** Whether {@code instant} falls within the era, in Viet Nam's calendar; {@code null} is no time at all. */
	public static boolean inEra(Instant instant) {
		return instant == null || (!instant.isBefore(startOf(ERA_START)) && instant.isBefore(startOf(ERA_END)));
	}

	public static LocalDate dayOf(Instant instant) {
		return LocalDate.ofInstant(instant, ZONE);
	}

	/** The first instant of a day in Viet Nam. */
	public static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ZONE).toInstant();
	}

}
