package vn.dvcpulse.contract.problem;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.beans.TypeMismatchException;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * How every service answers a request it cannot take: RFC 9457 problem details with a stable {@code type}, the
 * field at fault and what was expected. Each service's advice extends this with the problems of its own domain.
 */
public abstract class RequestProblems extends ResponseEntityExceptionHandler {

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException tooLarge) {
				return answer(bodyTooLarge(tooLarge.limit(), tooLarge.getMessage()));
			}
		}
		return answer(describe(jacksonCause(ex)));
	}

	public static ProblemDetail bodyTooLarge(long limit, String detail) {
		ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, ProblemType.BODY_TOO_LARGE, detail);
		problem.setProperty("limit", limit);
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// query parameters bound to a record are parameters, not fields of a body
		boolean body = ex.getParameter().hasParameterAnnotation(RequestBody.class);
		return answer(fieldsProblem(body ? null : ProblemType.INVALID_PARAMETER,
				ex.getFieldErrors().stream().map(RequestProblems::toFieldProblem).toList()));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return answer(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemType.UNSUPPORTED_MEDIA_TYPE,
				"Send the body as application/json"));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String parameter = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_PARAMETER,
				"'" + ex.getValue() + "' is not a valid value of " + parameter);
		problem.setProperty("field", parameter);
		problem.setProperty("expected", expected(ex.getRequiredType()));
		return answer(problem);
	}

	/** A query or path parameter that breaks its constraint. */
	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ParameterValidationResult first = ex.getParameterValidationResults().get(0);
		String parameter = first.getMethodParameter().getParameterName();
		String expected = first.getResolvableErrors().get(0).getDefaultMessage();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_PARAMETER,
				"'" + first.getArgument() + "' is not a valid value of " + parameter + ": " + expected);
		problem.setProperty("field", parameter);
		problem.setProperty("expected", expected);
		return answer(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> invalidFields(InvalidFieldsException ex) {
		return answer(fieldsProblem(ex.type(), ex.problems()));
	}

	protected static ResponseEntity<Object> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	public static ProblemDetail problem(HttpStatus status, ProblemType type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type.uri());
		problem.setTitle(type.title());
		return problem;
	}

	/**
	 * The problem of one item of a batch or one line of an import, judged alone: what the whole request would
	 * have been answered with, had it been that item.
	 */
	public static ProblemDetail problemOf(Exception ex) {
		if (ex instanceof InvalidFieldsException invalid) {
			return fieldsProblem(invalid.type(), invalid.problems());
		}
		return describe(jacksonCause(ex));
	}

	/** Bean Validation's findings on an item, as field problems. */
	public static List<FieldProblem> fieldProblems(Set<? extends ConstraintViolation<?>> violations) {
		return violations.stream()
			.sorted(Comparator.comparing((ConstraintViolation<?> violation) -> violation.getPropertyPath().toString()))
			.map((violation) -> {
				String code = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
				boolean missing = isPresenceConstraint(code) && isEmpty(violation.getInvalidValue());
				return new FieldProblem(violation.getPropertyPath().toString(), missing,
						missing ? "a value" : violation.getMessage(), missing ? null : violation.getInvalidValue());
			})
			.toList();
	}

	/**
	 * One problem for all the fields at fault, the first named in {@code field}; unless a type is given, its type
	 * is that of the first.
	 */
	static ProblemDetail fieldsProblem(ProblemType given, List<FieldProblem> found) {
		// a missing field first: "required" says more than any rule its empty value breaks
		List<FieldProblem> problems = found.stream()
			.sorted(Comparator.comparing((FieldProblem problem) -> !problem.missing()))
			.toList();
		FieldProblem first = problems.get(0);
		ProblemType type = (given != null) ? given
				: first.missing() ? ProblemType.MISSING_FIELD : ProblemType.INVALID_FIELD;
		String detail = problems.stream()
			.map((p) -> p.field() + (p.missing() ? " is required: " : " must be ") + p.expected())
			.collect(Collectors.joining("; "));
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, type, detail);
		problem.setProperty("field", first.field());
		problem.setProperty("expected", first.expected());
		problem.setProperty("errors", problems);
		return problem;
	}

	private static ProblemDetail describe(Throwable cause) {
		if (cause instanceof UnrecognizedPropertyException unknown) {
			String field = path(unknown);
			ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemType.UNKNOWN_FIELD,
					"'" + field + "' is not a field of this request");
			problem.setProperty("field", field);
			problem.setProperty("expected", "only the documented fields");
			return problem;
		}
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String expected = (mismatch instanceof StrictText.UnwritableTextException) ? StrictText.EXPECTED
					: expected(mismatch.getTargetType());
			return fieldsProblem(null, List.of(FieldProblem.invalid(path(mismatch), expected, null)));
		}
		ProblemDetail problem;
		if (cause instanceof StreamReadException parse && parse.getLocation() != null) {
			// the parser's own words say what is wrong (a duplicate key, an unexpected character), never long
			String reason = String.valueOf(parse.getOriginalMessage()).lines().findFirst().orElse("");
			problem = problem(HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_JSON, "The body is not valid JSON (line "
					+ parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + "): "
					+ ((reason.length() > 200) ? reason.substring(0, 200) + "..." : reason));
		}
		else {
			return notOneObject();
		}
		problem.setProperty("expected", "one JSON object");
		return problem;
	}

	/** A body (or an item, or a line) that is valid JSON but not one object: {@code null}, an array, a number. */
	public static ProblemDetail notOneObject() {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_JSON,
				"The body must be one JSON object");
		problem.setProperty("expected", "one JSON object");
		return problem;
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

	private static FieldProblem toFieldProblem(FieldError error) {
		boolean missing = isPresenceConstraint(error.getCode()) && isEmpty(error.getRejectedValue());
		String expected = missing ? "a value" : error.getDefaultMessage();
		if (error.contains(TypeMismatchException.class)) {
			expected = expected(error.unwrap(TypeMismatchException.class).getRequiredType());
		}
		return new FieldProblem(error.getField(), missing, expected, missing ? null : error.getRejectedValue());
	}

	private static boolean isPresenceConstraint(String code) {
		return NotNull.class.getSimpleName().equals(code) || NotBlank.class.getSimpleName().equals(code);
	}

	private static boolean isEmpty(Object value) {
		return value == null || (value instanceof CharSequence text && text.toString().isBlank())
				|| (value instanceof Collection<?> collection && collection.isEmpty());
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
		if (LocalDate.class.equals(type)) {
			return "an ISO-8601 date, e.g. 2025-07-01";
		}
		if (Temporal.class.isAssignableFrom(type)) {
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
