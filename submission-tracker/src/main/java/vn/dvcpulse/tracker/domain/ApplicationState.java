package vn.dvcpulse.tracker.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import vn.dvcpulse.contract.milestone.ApplicationMilestone;
import vn.dvcpulse.contract.milestone.MilestoneType;

/**
 * What the tracker knows of one application: every distinct event it was sent, in order of arrival, each with what
 * became of it, and the milestones standing (emitted and not taken back).
 *
 * @param events   each distinct event with what became of it
 * @param standing the milestones counted now, one per type at most
 */
public record ApplicationState(List<RecordedEvent> events, List<ApplicationMilestone> standing) {

	public static final ApplicationState NEW = new ApplicationState(List.of(), List.of());

	public ApplicationState {
		events = List.copyOf(events);
		standing = List.copyOf(standing);
	}

	public Optional<RecordedEvent> event(String eventId) {
		return this.events.stream().filter((recorded) -> recorded.event().eventId().equals(eventId)).findFirst();
	}

	public Set<MilestoneType> milestones() {
		return this.standing.stream().map(ApplicationMilestone::type).collect(Collectors.toUnmodifiableSet());
	}

	public boolean reached(MilestoneType type) {
		return milestones().contains(type);
	}

	public long held() {
		return this.events.stream().filter((recorded) -> recorded.disposition() == Disposition.HELD).count();
	}

}
