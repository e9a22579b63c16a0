package vn.dvcpulse.aggregator.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.dvcpulse.aggregator.stream.FiguresNotReadyException;
import vn.dvcpulse.contract.problem.ProblemType;
import vn.dvcpulse.contract.problem.RequestProblems;

/** The aggregate API's own problems, beside those every service shares. */
@RestControllerAdvice
class MetricsProblems extends RequestProblems {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notReady(FiguresNotReadyException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE, ex.getMessage()));
	}

}
