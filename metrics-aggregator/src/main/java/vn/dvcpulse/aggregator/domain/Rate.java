package vn.dvcpulse.aggregator.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A rate with the counts it comes from: a rate without its counts is not trusted.
 *
 * @param numerator   what is counted
 * @param denominator out of how many
 */
public record Rate(long numerator, long denominator) {

	/** Rates are served as fractions rounded half-even to four places: 0.6667 is 66.67 %. */
	public static final int SCALE = 4;

	public Rate {
		if (numerator < 0 || denominator < 0 || numerator > denominator) {
			throw new IllegalArgumentException(
					"A rate's numerator lies between 0 and its denominator: " + numerator + "/" + denominator);
		}
	}

	/** The rate, or {@code null} when there is nothing to count: no applications is no rate, not a rate of 0. */
	@JsonProperty("rate")
	public BigDecimal value() {
		if (this.denominator == 0) {
			return null;
		}
		return BigDecimal.valueOf(this.numerator).divide(BigDecimal.valueOf(this.denominator), SCALE,
				RoundingMode.HALF_EVEN);
	}

}
