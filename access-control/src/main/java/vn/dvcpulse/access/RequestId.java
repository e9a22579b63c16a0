package vn.dvcpulse.access;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that follows a request from the client through the gateway to a service and into every log line about
 * it: the client's own when it is a sensible one, a new one otherwise.
 */
public final class RequestId {

	public static final String HEADER = "X-Request-Id";

	/** The log context key: {@code %X{requestId}} in a log pattern. */
	public static final String LOG_KEY = "requestId";

	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private RequestId() {
	}

	/** The given id when it is short and plain enough to log and pass on, else a new one. */
	public static String of(String given) {
		return (given != null && ACCEPTABLE.matcher(given).matches()) ? given : UUID.randomUUID().toString();
	}

}
