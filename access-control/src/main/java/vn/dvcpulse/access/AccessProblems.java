package vn.dvcpulse.access;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import vn.dvcpulse.contract.problem.ProblemType;

/**
 * The answers to a request without a valid token ({@code 401}) and to one whose token lacks the right
 * ({@code 403}), as RFC 9457 problem details. They say what is wrong in general terms only: why a signature or an
 * issuer did not match is for the server's log, not for the caller.
 */
public final class AccessProblems {

	/** The challenge sent with every {@code 401} (RFC 6750); no error description, which would leak details. */
	public static final String CHALLENGE = "Bearer realm=\"dvc-pulse\", error=\"invalid_token\"";

	public static final String UNAUTHENTICATED_DETAIL = "A valid bearer token is required: none was sent, or it "
			+ "is expired, not signed by the configured issuer, or lacks a claim DVC Pulse needs";

	public static final String FORBIDDEN_DETAIL = "The token is valid but its roles do not allow this request";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AccessProblems() {
	}

	public static byte[] unauthenticated(String path) {
		return body(ProblemType.UNAUTHENTICATED, 401, UNAUTHENTICATED_DETAIL, path);
	}

	public static byte[] forbidden(String path) {
		return body(ProblemType.FORBIDDEN, 403, FORBIDDEN_DETAIL, path);
	}

	/** A problem document. */
	public static byte[] body(ProblemType type, int status, String detail, String path) {
		return body(type.uri().toString(), type.title(), status, detail, path);
	}

	/**
	 * A problem of no type of ours, where the status says it all (RFC 9457's {@code about:blank}, titled with the
	 * status's phrase), as Spring answers such refusals behind the door.
	 */
	public static byte[] body(String title, int status, String detail, String path) {
		return body("about:blank", title, status, detail, path);
	}

	private static byte[] body(String type, String title, int status, String detail, String path) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type);
		problem.put("title", title);
		problem.put("status", status);
		problem.put("detail", detail);
		if (path != null) {
			problem.put("instance", path);
		}
		return JSON.writeValueAsBytes(problem);
	}

}
