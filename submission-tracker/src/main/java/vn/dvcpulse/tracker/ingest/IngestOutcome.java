package vn.dvcpulse.tracker.ingest;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.ProblemDetail;

/**
 * What became of one posted event at the door.
 *
 * @param eventId    the event, when it could be read
 * @param status     accepted (Kafka has it), duplicate (it had it already), or rejected (it reached nothing)
 * @param acceptedAt when Kafka recorded it, for accepted and duplicate events
 * @param problem    why it was rejected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestOutcome(String eventId, Status status, Instant acceptedAt, ProblemDetail problem) {

	public enum Status {

		ACCEPTED, DUPLICATE, REJECTED

	}

	static IngestOutcome accepted(String eventId, Instant at) {
		return new IngestOutcome(eventId, Status.ACCEPTED, at, null);
	}

	static IngestOutcome duplicate(String eventId, Instant at) {
		return new IngestOutcome(eventId, Status.DUPLICATE, at, null);
	}

	static IngestOutcome rejected(String eventId, ProblemDetail problem) {
		return new IngestOutcome(eventId, Status.REJECTED, null, problem);
	}

}
