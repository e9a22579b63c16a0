package vn.dvcpulse.catalog.store;

/** The edit was based on a revision that is no longer the latest: {@code 412}, read again and redo it. */
public class StaleRevisionException extends RuntimeException {

	private final long current;

	StaleRevisionException(String what, long expected, long current) {
		super(what + " is at revision " + current + ", not " + expected + ": read it again and redo the change");
		this.current = current;
	}

	public long current() {
		return this.current;
	}

}
