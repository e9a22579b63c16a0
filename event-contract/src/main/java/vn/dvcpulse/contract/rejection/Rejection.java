package vn.dvcpulse.contract.rejection;

import java.time.Instant;

import vn.dvcpulse.contract.event.ApplicationEvent;

/**
 * An accepted event that did not count, and why: the submitter lists these to correct its data.
 *
 * @param localityCode  the submitting locality
 * @param applicationId the application
 * @param eventId       the event
 * @param reason        why it did not count
 * @param detail        the reason in words, with what it conflicted with
 * @param conflictsWith the eventId of the event that counted instead, where there is one
 * @param rejectedAt    when the tracker judged it
 * @param event         the event as posted
 */
public record Rejection(String localityCode, String applicationId, String eventId, RejectionReason reason,
		String detail, String conflictsWith, Instant rejectedAt, ApplicationEvent event) {

}
