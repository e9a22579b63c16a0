package vn.dvcpulse.tracker.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.dvcpulse.contract.milestone.ApplicationMilestone;
import vn.dvcpulse.contract.milestone.MilestoneType;

/**
 * What the tracker knows of one application: every distinct event it was sent, in order of arrival, and the
 * milestones reached.
 *
 * @param events     each distinct event with what became of it
 * @param receipt    the RECEIVED milestone, once the application is received
 * @param milestones the milestones reached (each at most once)
 */
public record ApplicationState(List<RecordedEvent> events, ApplicationMilestone receipt,
		Set<MilestoneType> milestones) {

	public static final ApplicationState NEW = new ApplicationState(List.of(), null, Set.of());

	public ApplicationState {
		events = List.copyOf(events);
		milestones = Set.copyOf(milestones);
	}

	public Optional<RecordedEvent> event(String eventId) {
		return this.events.stream().filter((recorded) -> recorded.event().eventId().equals(eventId)).findFirst();
	}

	/** The event that established a milestone. */
	public Optional<RecordedEvent> counted(MilestoneType type) {
		return this.events.stream()
			.filter((recorded) -> recorded.disposition() == Disposition.COUNTED)
			.filter((recorded) -> ApplicationLife.milestoneOf(recorded.event().type()) == type)
			.findFirst();
	}

	public boolean reached(MilestoneType type) {
		return this.milestones.contains(type);
	}

	public long held() {
		return this.events.stream().filter((recorded) -> recorded.disposition() == Disposition.HELD).count();
	}

}
