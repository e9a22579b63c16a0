package vn.dvcpulse.contract.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What is wrong with one field of a request body.
 *
 * @param field    the JSON path of the field, e.g. {@code occurredAt}
 * @param missing  {@code true} when the field is absent or empty
 * @param expected what the field must hold
 * @param rejected the value sent, when there was one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldProblem(String field, boolean missing, String expected, Object rejected) {

	public static FieldProblem missing(String field, String expected) {
		return new FieldProblem(field, true, expected, null);
	}

	public static FieldProblem invalid(String field, String expected, Object rejected) {
		return new FieldProblem(field, false, expected, rejected);
	}

}
