package vn.dvcpulse.tracker.domain;

import java.time.Instant;

import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.rejection.RejectionReason;

/**
 * An event as the application's history keeps it.
 *
 * @param event       the event as posted
 * @param disposition what became of it
 * @param reason      why it was rejected, if it was
 * @param recordedAt  when the tracker judged it
 */
public record RecordedEvent(ApplicationEvent event, Disposition disposition, RejectionReason reason,
		Instant recordedAt) {

}
