package vn.dvcpulse.tracker.ingest;

/**
 * Kafka refused the event itself (too large for a record): the sender's own mistake, answered {@code 413}, and no
 * sign that Kafka is unavailable to anyone else.
 */
public class IngestRefusedException extends IngestUnavailableException {

	public IngestRefusedException(String message, Throwable cause) {
		super(message, cause);
	}

}
