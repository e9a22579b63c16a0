package vn.dvcpulse.contract.problem;

import java.net.URI;

/**
 * The stable {@code type} of every RFC 9457 problem DVC Pulse answers with. Clients branch on the type, never on
 * the wording of {@code title} or {@code detail}, so a type once published is never renamed.
 */
public enum ProblemType {

	MALFORMED_JSON("malformed-json", "Malformed JSON"),
	MISSING_FIELD("missing-field", "Missing field"),
	INVALID_FIELD("invalid-field", "Invalid field"),
	UNKNOWN_FIELD("unknown-field", "Unknown field"),
	UNKNOWN_SERVICE("unknown-service", "Unknown service"),
	LOCALITY_NOT_IN_FORCE("locality-not-in-force", "Locality not in force"),
	OUT_OF_TIME_RANGE("out-of-time-range", "Time out of range"),
	RAW_CITIZEN_ID("raw-citizen-id", "Raw citizen ID"),
	EVENT_ID_CONFLICT("event-id-conflict", "Event id already used for a different event"),
	BODY_TOO_LARGE("body-too-large", "Body too large"),
	TOO_MANY_ITEMS("too-many-items", "Too many items"),
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type"),
	INVALID_PARAMETER("invalid-parameter", "Invalid parameter"),
	NOT_FOUND("not-found", "Not found"),
	ALREADY_EXISTS("already-exists", "Already exists"),
	STALE_REVISION("stale-revision", "Stale revision"),
	REVISION_REQUIRED("revision-required", "Revision required"),
	CATALOG_CONFLICT("catalog-conflict", "Conflicts with the catalog"),
	UNAUTHENTICATED("unauthenticated", "Unauthenticated"),
	FORBIDDEN("forbidden", "Forbidden"),
	RATE_LIMITED("rate-limited", "Too many requests"),
	REQUEST_REFUSED("request-refused", "Request refused"),
	METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed"),
	URI_TOO_LONG("uri-too-long", "URI too long"),
	HEADERS_TOO_LARGE("headers-too-large", "Request headers too large"),
	INGEST_UNAVAILABLE("ingest-unavailable", "Ingest temporarily unavailable"),
	SERVICE_UNAVAILABLE("service-unavailable", "Service temporarily unavailable");

	private static final String PREFIX = "urn:dvc-pulse:problem:";

	private final URI uri;

	private final String title;

	ProblemType(String slug, String title) {
		this.uri = URI.create(PREFIX + slug);
		this.title = title;
	}

	public URI uri() {
		return this.uri;
	}

	public String title() {
		return this.title;
	}

}
