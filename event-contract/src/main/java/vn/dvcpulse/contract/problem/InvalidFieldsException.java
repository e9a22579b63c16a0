package vn.dvcpulse.contract.problem;

import java.util.List;

/** A request whose fields break a rule; answered with {@code 400} and reaching nothing. */
public class InvalidFieldsException extends RuntimeException {

	private final ProblemType type;

	private final List<FieldProblem> problems;

	/** Fields missing or malformed: the type follows from the first problem. */
	public InvalidFieldsException(List<FieldProblem> problems) {
		this(null, problems);
	}

	/** Fields well-formed but refused for a reason of their own, named by {@code type}. */
	public InvalidFieldsException(ProblemType type, List<FieldProblem> problems) {
		super(problems.toString());
		this.type = type;
		this.problems = List.copyOf(problems);
	}

	/** The problem type, or {@code null} to derive it from the first problem. */
	public ProblemType type() {
		return this.type;
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
