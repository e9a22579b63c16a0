package vn.dvcpulse.tracker.web;

import java.util.List;

/** An event that breaks a rule of its type; it reaches no topic. */
class InvalidEventException extends RuntimeException {

	private final List<FieldProblem> problems;

	InvalidEventException(List<FieldProblem> problems) {
		super(problems.toString());
		this.problems = List.copyOf(problems);
	}

	List<FieldProblem> problems() {
		return this.problems;
	}

}
