package vn.dvcpulse.tracker.stream;

import java.time.Instant;

/**
 * What the tracker remembers of one application.
 *
 * @param receiptEventId the SUBMITTED event that counted as the receipt
 * @param receivedAt     when it was received
 */
record ApplicationState(String receiptEventId, Instant receivedAt) {

}
