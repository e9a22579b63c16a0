package vn.dvcpulse.aggregator.domain;

import com.dynatrace.hash4j.distinctcount.UltraLogLog;
import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;

/**
 * How many distinct applicants (by their salted {@code citizenRef}) used online services, estimated with an
 * UltraLogLog sketch: 4 KB per locality and period, mergeable across periods and localities, with a relative
 * standard error of about {@value #RELATIVE_STANDARD_ERROR_PERCENT} %. A sketch cannot forget: a receipt taken back
 * later leaves its applicant counted.
 */
public final class DistinctCitizens {

	/** 2^12 registers. */
	static final int PRECISION = 12;

	/** ≈ 0.785 / √4096 for UltraLogLog's default estimator. */
	public static final double RELATIVE_STANDARD_ERROR_PERCENT = 1.2;

	private static final Hasher64 HASHER = Hashing.komihash5_0();

	private DistinctCitizens() {
	}

	/** An empty sketch's state. */
	public static byte[] none() {
		return UltraLogLog.create(PRECISION).getState();
	}

	/** The state with one more applicant; the state array is updated in place and returned. */
	public static byte[] plus(byte[] state, String citizenRef) {
		UltraLogLog.wrap(state).add(HASHER.hashCharsToLong(citizenRef));
		return state;
	}

	/** The union of sketches' states, as a new state. */
	public static byte[] union(Iterable<byte[]> states) {
		UltraLogLog union = UltraLogLog.create(PRECISION);
		for (byte[] state : states) {
			union.add(UltraLogLog.wrap(state));
		}
		return union.getState();
	}

	public static long estimate(byte[] state) {
		return Math.round(UltraLogLog.wrap(state).getDistinctCountEstimate());
	}

}
