package vn.dvcpulse.tracker.web;

import java.util.ArrayList;
import java.util.List;

import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.event.EventType;
import vn.dvcpulse.contract.problem.FieldProblem;
import vn.dvcpulse.contract.problem.InvalidFieldsException;

/**
 * The checks that depend on the event's type, on top of the envelope's annotations: what each type must carry.
 */
final class EventRules {

	private EventRules() {
	}

	static void check(ApplicationEvent event) {
		List<FieldProblem> problems = new ArrayList<>();
		if (event.type() == EventType.SUBMITTED) {
			if (event.channel() == null) {
				problems.add(FieldProblem.missing("channel", "one of ONLINE, IN_PERSON, POSTAL on SUBMITTED"));
			}
			else if (event.channel().isOnline() && event.onlineLevel() == null) {
				problems.add(FieldProblem.missing("onlineLevel", "FULL or PARTIAL when the channel is ONLINE"));
			}
		}
		if (event.type() == EventType.RATED) {
			if (event.satisfaction() == null) {
				problems.add(FieldProblem.missing("satisfaction", "a whole number from 1 to 5 on RATED"));
			}
			else if (event.satisfaction() < 1 || event.satisfaction() > 5) {
				problems.add(FieldProblem.invalid("satisfaction", "a whole number from 1 to 5",
						event.satisfaction()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
	}

}
