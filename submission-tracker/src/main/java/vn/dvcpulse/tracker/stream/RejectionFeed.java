package vn.dvcpulse.tracker.stream;

import java.time.Instant;
import java.util.regex.Pattern;

import vn.dvcpulse.contract.rejection.Rejection;

/**
 * How rejections are kept for listing: keyed by locality, then the time they were judged, then eventId, so a
 * locality's rejections since a time are one key range.
 */
final class RejectionFeed {

	private static final Pattern KEY = Pattern.compile("\\d{2}/\\d{13}/[\\w.:-]{1,64}");

	private RejectionFeed() {
	}

	static String key(Rejection rejection) {
		return key(rejection.localityCode(), rejection.rejectedAt(), rejection.eventId());
	}

	static String key(String localityCode, Instant at, String eventId) {
		return localityCode + "/" + String.format("%013d", at.toEpochMilli()) + "/" + eventId;
	}

	/** A key of the locality's range: its code, 13 digits of milliseconds, an eventId. */
	static boolean isKeyOf(String localityCode, String key) {
		return key != null && KEY.matcher(key).matches() && key.startsWith(localityCode + "/");
	}

	/** Past every key of the locality. */
	static String end(String localityCode) {
		return localityCode + "/~";
	}

}
