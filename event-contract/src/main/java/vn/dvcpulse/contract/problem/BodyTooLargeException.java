package vn.dvcpulse.contract.problem;

import java.io.IOException;

/** A body read past its limit: {@code 413}. An {@link IOException} so that it stops whatever is reading. */
public class BodyTooLargeException extends IOException {

	private final long limit;

	public BodyTooLargeException(long limit) {
		this(limit, "The body is larger than the " + limit + " bytes taken here");
	}

	public BodyTooLargeException(long limit, String message) {
		super(message);
		this.limit = limit;
	}

	public long limit() {
		return this.limit;
	}

}
