package vn.dvcpulse.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Periods are the calendar of Viet Nam: an instant belongs to the day it is in Asia/Ho_Chi_Minh. */
public final class ReceiptPeriods {

	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private ReceiptPeriods() {
	}

	public static LocalDate dayOf(Instant instant) {
		return LocalDate.ofInstant(instant, ZONE);
	}

	/** The first instant of a day in Viet Nam. */
	public static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ZONE).toInstant();
	}

}
