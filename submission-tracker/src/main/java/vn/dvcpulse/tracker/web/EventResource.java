package vn.dvcpulse.tracker.web;

import java.time.Instant;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.tracker.ingest.SubmissionLog;

/** Where local case-handling systems post the steps of their applications. */
@RestController
@RequestMapping("/api/v1/events")
class EventResource {

	private final EventRules rules;

	private final SubmissionLog submissionLog;

	EventResource(EventRules rules, SubmissionLog submissionLog) {
		this.rules = rules;
		this.submissionLog = submissionLog;
	}

	/** {@code 202} only once Kafka holds the event: an acknowledged event is never lost. */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	Receipt post(@Valid @RequestBody ApplicationEvent event) {
		this.rules.check(event);
		return new Receipt(event.eventId(), this.submissionLog.append(event));
	}

	/** What the client keeps as proof that the event was accepted. */
	record Receipt(String eventId, Instant acceptedAt) {
	}

}
