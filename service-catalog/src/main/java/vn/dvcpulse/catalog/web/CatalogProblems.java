package vn.dvcpulse.catalog.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import vn.dvcpulse.contract.problem.ProblemType;

/** The catalog API's errors as RFC 9457 problem details. */
@RestControllerAdvice
class CatalogProblems extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notInCatalog(NotInCatalogException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(ProblemType.NOT_FOUND.uri());
		problem.setTitle(ProblemType.NOT_FOUND.title());
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String parameter = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"'" + ex.getValue() + "' is not a valid value of " + parameter);
		problem.setType(ProblemType.INVALID_PARAMETER.uri());
		problem.setTitle(ProblemType.INVALID_PARAMETER.title());
		problem.setProperty("field", parameter);
		problem.setProperty("expected", expected(ex.getRequiredType()));
		return ResponseEntity.badRequest().body(problem);
	}

	private static String expected(Class<?> type) {
		if (type != null && java.time.LocalDate.class.equals(type)) {
			return "an ISO-8601 date, e.g. 2025-07-01";
		}
		if (type != null && (Boolean.class.equals(type) || boolean.class.equals(type))) {
			return "true or false";
		}
		return "a value of type " + ((type != null) ? type.getSimpleName() : "unknown");
	}

}
