package vn.dvcpulse.aggregator.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import vn.dvcpulse.aggregator.stream.FiguresNotReadyException;
import vn.dvcpulse.contract.problem.ProblemType;

/** The aggregate API's errors as RFC 9457 problem details. */
@RestControllerAdvice
class MetricsProblems extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notReady(FiguresNotReadyException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setType(ProblemType.SERVICE_UNAVAILABLE.uri());
		problem.setTitle(ProblemType.SERVICE_UNAVAILABLE.title());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
	}

}
