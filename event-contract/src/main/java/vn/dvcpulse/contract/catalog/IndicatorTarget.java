package vn.dvcpulse.contract.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The level an indicator must reach for full marks, from a day on. A new target is a new entry from a later day;
 * the one in force on a day is the latest that took effect by then.
 *
 * @param indicator     the indicator
 * @param threshold     the fraction to reach, e.g. 0.50 for 50 %
 * @param effectiveFrom the first day it holds
 * @param basis         where it comes from
 * @param revision      this version of the entry
 */
public record IndicatorTarget(Indicator indicator, BigDecimal threshold, LocalDate effectiveFrom, String basis,
		Revision revision) {

	public static String key(Indicator indicator, LocalDate effectiveFrom) {
		return indicator + "@" + effectiveFrom;
	}

	public String key() {
		return key(this.indicator, this.effectiveFrom);
	}

}
