package vn.dvcpulse.catalog.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.dvcpulse.catalog.store.AlreadyInCatalogException;
import vn.dvcpulse.catalog.store.CatalogConflictException;
import vn.dvcpulse.catalog.store.CatalogUnavailableException;
import vn.dvcpulse.catalog.store.NotInCatalogException;
import vn.dvcpulse.catalog.store.StaleRevisionException;
import vn.dvcpulse.catalog.web.Revisions.RevisionRequiredException;
import vn.dvcpulse.contract.problem.ProblemType;
import vn.dvcpulse.contract.problem.RequestProblems;

/** The catalog API's own problems, beside those every service shares. */
@RestControllerAdvice
class CatalogProblems extends RequestProblems {

	@ExceptionHandler
	ResponseEntity<Object> notInCatalog(NotInCatalogException ex) {
		return answer(problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Object> alreadyInCatalog(AlreadyInCatalogException ex) {
		return answer(problem(HttpStatus.CONFLICT, ProblemType.ALREADY_EXISTS, ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Object> staleRevision(StaleRevisionException ex) {
		ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, ProblemType.STALE_REVISION, ex.getMessage());
		problem.setProperty("currentRevision", ex.current());
		return answer(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> revisionRequired(RevisionRequiredException ex) {
		return answer(problem(HttpStatus.PRECONDITION_REQUIRED, ProblemType.REVISION_REQUIRED, ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Object> conflict(CatalogConflictException ex) {
		return answer(problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.CATALOG_CONFLICT, ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Object> unavailable(CatalogUnavailableException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", "5")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE, ex.getMessage()));
	}

}
