package vn.dvcpulse.tracker.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.dvcpulse.contract.problem.ProblemType;
import vn.dvcpulse.contract.problem.RequestProblems;
import vn.dvcpulse.tracker.ingest.IngestProperties;
import vn.dvcpulse.tracker.ingest.IngestUnavailableException;

/**
 * Every way a posted event can be refused. A refused event reaches no topic: all of these happen before anything
 * is produced.
 */
@RestControllerAdvice
class TrackerProblems extends RequestProblems {

	private final IngestProperties ingest;

	TrackerProblems(IngestProperties ingest) {
		this.ingest = ingest;
	}

	/** Kafka did not acknowledge: say so at once, and when to come back; never a false 202. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> ingestUnavailable(IngestUnavailableException ex) {
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.INGEST_UNAVAILABLE,
				"The event was not accepted; post it again with the same eventId");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(this.ingest.retryAfter().toSeconds()))
			.body(problem);
	}

}
