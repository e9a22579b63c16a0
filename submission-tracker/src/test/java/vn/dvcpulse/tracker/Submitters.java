package vn.dvcpulse.tracker;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.dvcpulse.access.Role;
import vn.dvcpulse.testsupport.TestTokens;

/** Tests post as the submitter of the locality their events name, as a local system would. */
public final class Submitters {

	private static final Pattern LOCALITY = Pattern.compile("\"localityCode\"\\s*:\\s*\"(\\d{2})\"");

	private Submitters() {
	}

	/** {@code Bearer <token>} of the submitter of the locality the body's first event names (01 if none). */
	public static String tokenFor(String body) {
		Matcher locality = LOCALITY.matcher(body);
		return TestTokens.bearer(Role.SUBMITTER, locality.find() ? locality.group(1) : "01");
	}

	/** A MockMvc request as the submitter of its body's locality. */
	public static RequestPostProcessor ofItsLocality() {
		return (request) -> {
			request.addHeader(HttpHeaders.AUTHORIZATION,
					tokenFor(new String(request.getContentAsByteArray(), StandardCharsets.UTF_8)));
			return request;
		};
	}

}
