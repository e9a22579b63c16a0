package vn.dvcpulse.aggregator.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The online-submission rate (tỷ lệ hồ sơ trực tuyến): applications received online ÷ all applications received,
 * in the period of receipt. The one place this formula lives.
 *
 * @param receivedOnline the numerator
 * @param received       the denominator
 */
public record OnlineSubmissionRate(long receivedOnline, long received) {

	/** Rates are served as fractions rounded half-even to four places: 0.6667 is 66.67 %. */
	public static final int SCALE = 4;

	public OnlineSubmissionRate {
		if (receivedOnline < 0 || received < 0 || receivedOnline > received) {
			throw new IllegalArgumentException(
					"Online receipts must lie between 0 and all receipts: " + receivedOnline + "/" + received);
		}
	}

	/** The rate, or {@code null} when nothing was received: no applications is no rate, not a rate of 0. */
	public BigDecimal value() {
		if (this.received == 0) {
			return null;
		}
		return BigDecimal.valueOf(this.receivedOnline).divide(BigDecimal.valueOf(this.received), SCALE,
				RoundingMode.HALF_EVEN);
	}

}
