package vn.dvcpulse.tracker.web;

import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.dvcpulse.access.Caller;
import vn.dvcpulse.contract.milestone.MilestoneType;
import vn.dvcpulse.tracker.domain.ApplicationState;
import vn.dvcpulse.tracker.domain.RecordedEvent;
import vn.dvcpulse.tracker.ingest.LocalityScope;
import vn.dvcpulse.tracker.stream.TrackerQueries;

/** An application as the tracker sees it: what counted, what waits, what was rejected. */
@RestController
@RequestMapping("/api/v1/applications")
class ApplicationResource {

	private final TrackerQueries queries;

	private final LocalityScope scope;

	ApplicationResource(TrackerQueries queries, LocalityScope scope) {
		this.queries = queries;
		this.scope = scope;
	}

	@GetMapping("/{localityCode}/{applicationId}")
	ApplicationView application(@PathVariable String localityCode, @PathVariable String applicationId) {
		this.scope.checkRead(Caller.current(), localityCode);
		ApplicationState state = this.queries.application(localityCode, applicationId)
			.orElseThrow(() -> new NoSuchApplicationException(localityCode, applicationId));
		return new ApplicationView(localityCode, applicationId, status(state), state.milestones(), state.held(),
				state.events());
	}

	private static String status(ApplicationState state) {
		if (state.reached(MilestoneType.WITHDRAWN)) {
			return "WITHDRAWN";
		}
		if (state.reached(MilestoneType.COMPLETED)) {
			return "COMPLETED";
		}
		return state.reached(MilestoneType.RECEIVED) ? "IN_PROGRESS" : "AWAITING_RECEIPT";
	}

	/**
	 * @param status     AWAITING_RECEIPT (events held, no SUBMITTED yet), IN_PROGRESS, COMPLETED or WITHDRAWN
	 * @param milestones the milestones reached
	 * @param held       events waiting for the SUBMITTED
	 * @param events     every distinct event, in order of arrival, with what became of it
	 */
	record ApplicationView(String localityCode, String applicationId, String status, Set<MilestoneType> milestones,
			long held, List<RecordedEvent> events) {
	}

	static class NoSuchApplicationException extends RuntimeException {

		NoSuchApplicationException(String localityCode, String applicationId) {
			super("No application " + applicationId + " of locality " + localityCode + " has reached the tracker");
		}

	}

}
