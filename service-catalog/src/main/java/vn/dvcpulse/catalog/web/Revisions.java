package vn.dvcpulse.catalog.web;

import org.springframework.http.ResponseEntity;

import vn.dvcpulse.contract.catalog.Revision;

/**
 * Optimistic concurrency over HTTP: an entry's revision number is its {@code ETag}; a change must name the
 * revision it was based on in {@code If-Match}, or create with {@code If-None-Match: *}.
 */
final class Revisions {

	private Revisions() {
	}

	static String etag(Revision revision) {
		return "\"" + revision.number() + "\"";
	}

	static <T> ResponseEntity<T> withEtag(ResponseEntity.BodyBuilder builder, Revision revision, T body) {
		return builder.eTag(etag(revision)).body(body);
	}

	/** The revision an {@code If-Match} names; a change without one is refused with {@code 428}. */
	static long required(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new RevisionRequiredException();
		}
		String tag = ifMatch.trim();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		tag = tag.replace("\"", "");
		try {
			return Long.parseLong(tag);
		}
		catch (NumberFormatException ex) {
			// not a revision of ours: no entry can match it
			return -1;
		}
	}

	static boolean createOnly(String ifNoneMatch) {
		return ifNoneMatch != null && ifNoneMatch.trim().equals("*");
	}

	static class RevisionRequiredException extends RuntimeException {

		RevisionRequiredException() {
			super("Name the revision this change is based on in If-Match (its ETag), or create with If-None-Match: *");
		}

	}

}
