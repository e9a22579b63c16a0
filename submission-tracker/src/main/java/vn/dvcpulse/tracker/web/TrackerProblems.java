package vn.dvcpulse.tracker.web;

import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import vn.dvcpulse.contract.problem.ProblemType;
import vn.dvcpulse.tracker.ingest.IngestProperties;
import vn.dvcpulse.tracker.ingest.IngestUnavailableException;

/**
 * Every way a posted event can be refused, as RFC 9457 problem details with a stable {@code type}, the field and
 * what was expected. A refused event reaches no topic: all of these happen before anything is produced.
 */
@RestControllerAdvice
class TrackerProblems extends ResponseEntityExceptionHandler {

	private final IngestProperties ingest;

	TrackerProblems(IngestProperties ingest) {
		this.ingest = ingest;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(describe(jacksonCause(ex)), request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> problems = ex.getFieldErrors().stream().map(TrackerProblems::toFieldProblem).toList();
		return problem(fieldsProblem(problems), request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"Send the event as application/json");
		problem.setType(ProblemType.UNSUPPORTED_MEDIA_TYPE.uri());
		problem.setTitle(ProblemType.UNSUPPORTED_MEDIA_TYPE.title());
		return problem(problem, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> invalidEvent(InvalidEventException ex, WebRequest request) {
		return problem(fieldsProblem(ex.problems()), request);
	}

	/** Kafka did not acknowledge: say so at once, and when to come back; never a false 202. */
	@ExceptionHandler
	ResponseEntity<Object> ingestUnavailable(IngestUnavailableException ex, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The event was not accepted; post it again with the same eventId");
		problem.setType(ProblemType.INGEST_UNAVAILABLE.uri());
		problem.setTitle(ProblemType.INGEST_UNAVAILABLE.title());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(this.ingest.retryAfter().toSeconds()));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	private ResponseEntity<Object> problem(ProblemDetail problem, WebRequest request) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static ProblemDetail describe(Throwable cause) {
		if (cause instanceof UnrecognizedPropertyException unknown) {
			String field = path(unknown);
			ProblemDetail problem = detail(ProblemType.UNKNOWN_FIELD, "'" + field + "' is not a field of an event");
			problem.setProperty("field", field);
			problem.setProperty("expected", "only the fields of an application event");
			return problem;
		}
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			return fieldsProblem(List.of(FieldProblem.invalid(path(mismatch), expected(mismatch.getTargetType()),
					null)));
		}
		if (cause instanceof StreamReadException parse && parse.getLocation() != null) {
			ProblemDetail problem = detail(ProblemType.MALFORMED_JSON, "The body is not valid JSON (line "
					+ parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ")");
			problem.setProperty("expected", "one JSON object");
			return problem;
		}
		ProblemDetail problem = detail(ProblemType.MALFORMED_JSON, "The body must be one JSON object");
		problem.setProperty("expected", "one JSON object");
		return problem;
	}

	/** One problem for all the fields at fault; its type is that of the first, named in {@code field}. */
	private static ProblemDetail fieldsProblem(List<FieldProblem> problems) {
		FieldProblem first = problems.get(0);
		ProblemType type = first.missing() ? ProblemType.MISSING_FIELD : ProblemType.INVALID_FIELD;
		String detail = problems.stream()
			.map((p) -> p.field() + (p.missing() ? " is required: " : " must be ") + p.expected())
			.collect(Collectors.joining("; "));
		ProblemDetail problem = detail(type, detail);
		problem.setProperty("field", first.field());
		problem.setProperty("expected", first.expected());
		problem.setProperty("errors", problems);
		return problem;
	}

	private static ProblemDetail detail(ProblemType type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(type.uri());
		problem.setTitle(type.title());
		return problem;
	}

	private static FieldProblem toFieldProblem(FieldError error) {
		boolean missing = isPresenceConstraint(error.getCode()) && isEmpty(error.getRejectedValue());
		String expected = missing ? "a value" : error.getDefaultMessage();
		return new FieldProblem(error.getField(), missing, expected, missing ? null : error.getRejectedValue());
	}

	private static boolean isPresenceConstraint(String code) {
		return NotNull.class.getSimpleName().equals(code) || NotBlank.class.getSimpleName().equals(code);
	}

	private static boolean isEmpty(Object value) {
		return value == null || (value instanceof CharSequence text && text.toString().isBlank())
				|| (value instanceof Collection<?> collection && collection.isEmpty());
	}

	/** The parser's own exception: it knows the field; what it wraps (a date-time parse error, say) does not. */
	private static Throwable jacksonCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException) {
				return cause;
			}
		}
		return ex;
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "a value of the right type";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
				.collect(Collectors.joining(", "));
		}
		if (OffsetDateTime.class.equals(type) || Temporal.class.isAssignableFrom(type)) {
			return "an ISO-8601 date-time with offset, e.g. 2025-03-01T08:30:00+07:00";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
			return "a number";
		}
		if (Boolean.class.equals(type) || boolean.class.equals(type)) {
			return "true or false";
		}
		if (Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		return "a string";
	}

}
