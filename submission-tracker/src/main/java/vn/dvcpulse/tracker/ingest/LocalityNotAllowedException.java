package vn.dvcpulse.tracker.ingest;

/** The caller's token does not allow it to act for the locality a request names. */
public class LocalityNotAllowedException extends RuntimeException {

	public LocalityNotAllowedException(String message) {
		super(message);
	}

}
