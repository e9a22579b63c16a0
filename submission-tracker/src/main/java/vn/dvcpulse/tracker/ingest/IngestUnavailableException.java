package vn.dvcpulse.tracker.ingest;

/** Kafka did not acknowledge an event in time: nothing is promised to the client, who posts it again. */
public class IngestUnavailableException extends RuntimeException {

	public IngestUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
