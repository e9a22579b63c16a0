package vn.dvcpulse.contract.problem;

import java.io.IOException;

/** A body read past its limit: {@code 413}. An {@link IOException} so that it stops whatever is reading. */
public class BodyTooLargeException extends IOException {

	private final long limit;

	public BodyTooLargeException(long limit) {
		super("The body is larger than the " + limit + " bytes taken here");
		this.limit = limit;
	}

	public long limit() {
		return this.limit;
	}

}
