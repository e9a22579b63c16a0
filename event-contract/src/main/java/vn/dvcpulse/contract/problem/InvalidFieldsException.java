package vn.dvcpulse.contract.problem;

import java.util.List;

/** A request whose fields break a rule; answered with {@code 400} and reaching nothing. */
public class InvalidFieldsException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidFieldsException(List<FieldProblem> problems) {
		super(problems.toString());
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
