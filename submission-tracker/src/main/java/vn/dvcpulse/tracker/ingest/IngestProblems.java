package vn.dvcpulse.tracker.ingest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import vn.dvcpulse.contract.problem.ProblemType;
import vn.dvcpulse.contract.problem.RequestProblems;

/** The problems of the door that are not about an event's fields: one home for a request and for an item. */
public final class IngestProblems {

	private IngestProblems() {
	}

	/** Kafka did not acknowledge: nothing was accepted, and the same eventId may be posted again. */
	public static ProblemDetail unavailable() {
		return RequestProblems.problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.INGEST_UNAVAILABLE,
				"The event was not accepted; post it again with the same eventId");
	}

	/** Kafka refused the record itself: posting it again will not help. */
	public static ProblemDetail refused(IngestRefusedException ex) {
		return RequestProblems.problem(HttpStatus.CONTENT_TOO_LARGE, ProblemType.BODY_TOO_LARGE, ex.getMessage());
	}

	/** A submitter posted for a locality its token does not name: nothing of it is produced. */
	public static ProblemDetail localityNotAllowed(String detail) {
		return RequestProblems.problem(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, detail);
	}

	public static ProblemDetail conflict(EventIdConflictException ex) {
		return RequestProblems.problem(HttpStatus.CONFLICT, ProblemType.EVENT_ID_CONFLICT, ex.getMessage());
	}

}
