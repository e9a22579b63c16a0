package vn.dvcpulse.tracker.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import vn.dvcpulse.access.Caller;
import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.problem.BodyLimit;
import vn.dvcpulse.tracker.ingest.ImportSummary;
import vn.dvcpulse.tracker.ingest.Ingest;
import vn.dvcpulse.tracker.ingest.IngestOutcome.Status;
import vn.dvcpulse.tracker.ingest.IngestOutcome;

/** Where local case-handling systems post the steps of their applications: one, a batch, or a whole history. */
@RestController
class EventResource {

	/** The most items one batch may carry; larger sets go through the import. */
	static final int BATCH_LIMIT = 1_000;

	/** The largest body of a batch. */
	static final long BATCH_BYTES = 5L * 1024 * 1024;

	static final String NDJSON = "application/x-ndjson";

	private final Ingest ingest;

	EventResource(Ingest ingest) {
		this.ingest = ingest;
	}

	/**
	 * {@code 202} only once Kafka holds the event: an acknowledged event is never lost. The same event again is
	 * {@code 200} and says it is a duplicate; it counts once.
	 */
	@PostMapping(path = "/api/v1/events", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Receipt> post(@Valid @RequestBody ApplicationEvent event) {
		IngestOutcome outcome = this.ingest.accept(event, Caller.current());
		boolean duplicate = outcome.status() == Status.DUPLICATE;
		return ResponseEntity.status(duplicate ? HttpStatus.OK : HttpStatus.ACCEPTED)
			.body(new Receipt(outcome.eventId(), outcome.acceptedAt(), duplicate));
	}

	/** Up to {@value #BATCH_LIMIT} events; each is judged alone and answered in order. */
	@PostMapping(path = "/api/v1/events:batch", consumes = MediaType.APPLICATION_JSON_VALUE)
	@BodyLimit(bytes = BATCH_BYTES)
	BatchResult batch(@RequestBody List<JsonNode> items) {
		if (items.size() > BATCH_LIMIT) {
			throw new TooManyItemsException(items.size(), BATCH_LIMIT);
		}
		List<IngestOutcome> outcomes = this.ingest.acceptAll(items, Caller.current());
		return new BatchResult(count(outcomes, Status.ACCEPTED), count(outcomes, Status.DUPLICATE),
				count(outcomes, Status.REJECTED), outcomes);
	}

	/**
	 * A history to backfill, one event per line (NDJSON, each line at most as long as one event), read as it arrives:
	 * any length in the same memory. Running the same file again changes no figure: every event is then a duplicate.
	 */
	@PostMapping(path = "/api/v1/events:import", consumes = NDJSON)
	ImportSummary importHistory(HttpServletRequest request) throws IOException {
		try (InputStream body = request.getInputStream()) {
			return this.ingest.importLines(body, Caller.current());
		}
	}

	private static long count(List<IngestOutcome> outcomes, Status status) {
		return outcomes.stream().filter((outcome) -> outcome.status() == status).count();
	}

	/**
	 * What the client keeps as proof that the event was accepted.
	 *
	 * @param eventId    the event
	 * @param acceptedAt when Kafka recorded it (the first time, for a duplicate)
	 * @param duplicate  whether it had been accepted before
	 */
	record Receipt(String eventId, Instant acceptedAt, boolean duplicate) {
	}

	record BatchResult(long accepted, long duplicates, long rejected, List<IngestOutcome> items) {
	}

}
