package vn.dvcpulse.tracker.stream;

import java.time.Instant;

import vn.dvcpulse.contract.rejection.Rejection;

/**
 * How rejections are kept for listing: keyed by locality, then the time they were judged, then eventId, so a
 * locality's rejections since a time are one key range.
 */
final class RejectionFeed {

	private RejectionFeed() {
	}

	static String key(Rejection rejection) {
		return key(rejection.localityCode(), rejection.rejectedAt(), rejection.eventId());
	}

	static String key(String localityCode, Instant at, String eventId) {
		return localityCode + "/" + String.format("%013d", at.toEpochMilli()) + "/" + eventId;
	}

	/** Past every key of the locality. */
	static String end(String localityCode) {
		return localityCode + "/~";
	}

}
