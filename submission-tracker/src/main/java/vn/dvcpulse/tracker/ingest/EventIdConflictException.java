package vn.dvcpulse.tracker.ingest;

/** The eventId was accepted before for different content: {@code 409}; an idempotency key names one event. */
public class EventIdConflictException extends RuntimeException {

	EventIdConflictException(String eventId) {
		super("eventId '" + eventId + "' was already accepted for a different event; choose a new eventId");
	}

}
