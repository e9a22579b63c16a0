package vn.dvcpulse.tracker.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import vn.dvcpulse.contract.problem.ProblemType;
import vn.dvcpulse.contract.problem.RequestProblems;
import vn.dvcpulse.tracker.ingest.EventIdConflictException;
import vn.dvcpulse.tracker.ingest.IngestMetrics;
import vn.dvcpulse.tracker.ingest.IngestProblems;
import vn.dvcpulse.tracker.ingest.IngestProperties;
import vn.dvcpulse.tracker.ingest.IngestRefusedException;
import vn.dvcpulse.tracker.ingest.IngestUnavailableException;
import vn.dvcpulse.tracker.ingest.LocalityNotAllowedException;
import vn.dvcpulse.tracker.stream.StateNotReadyException;
import vn.dvcpulse.tracker.web.ApplicationResource.NoSuchApplicationException;

/**
 * Every way a request to the tracker can be refused. A refused event reaches no topic: all of these happen before
 * anything is produced.
 */
@RestControllerAdvice
class TrackerProblems extends RequestProblems {

	private final IngestProperties ingest;

	private final IngestMetrics metrics;

	TrackerProblems(IngestProperties ingest, IngestMetrics metrics) {
		this.ingest = ingest;
		this.metrics = metrics;
	}

	/** Bodies that could not be read or validated have no locality the count could trust. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return counted(super.handleHttpMessageNotReadable(ex, headers, status, request));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return counted(super.handleMethodArgumentNotValid(ex, headers, status, request));
	}

	private ResponseEntity<Object> counted(ResponseEntity<Object> answer) {
		if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
			this.metrics.rejected(null, problem);
		}
		return answer;
	}

	/** Kafka did not acknowledge: say so at once, and when to come back; never a false 202. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> ingestUnavailable(IngestUnavailableException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(this.ingest.retryAfter().toSeconds()))
			.body(IngestProblems.unavailable());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> ingestRefused(IngestRefusedException ex) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(IngestProblems.refused(ex));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> localityNotAllowed(LocalityNotAllowedException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(IngestProblems.localityNotAllowed(ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> eventIdConflict(EventIdConflictException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(IngestProblems.conflict(ex));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooManyItems(TooManyItemsException ex) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(problem(HttpStatus.CONTENT_TOO_LARGE, ProblemType.TOO_MANY_ITEMS, ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> noSuchApplication(NoSuchApplicationException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> stateNotReady(StateNotReadyException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE, ex.getMessage()));
	}

}
