package vn.dvcpulse.tracker.ingest;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import vn.dvcpulse.contract.ApplicationKey;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.event.ApplicationEvent;

/** The submissions topic as the tracker writes it: an event is accepted once Kafka holds it, not before. */
@Component
public class SubmissionLog {

	private final KafkaTemplate<String, ApplicationEvent> template;

	private final IngestProperties properties;

	SubmissionLog(KafkaTemplate<String, ApplicationEvent> submissionsTemplate, IngestProperties properties) {
		this.template = submissionsTemplate;
		this.properties = properties;
	}

	/**
	 * Appends the event and waits for the acknowledgement of all in-sync replicas.
	 * @return the time Kafka recorded for the event
	 * @throws IngestUnavailableException when Kafka did not acknowledge within the configured time
	 */
	public Instant append(ApplicationEvent event) {
		return await(appendAsync(event));
	}

	/** Appends the event without waiting: many in flight are batched by the producer. */
	public CompletableFuture<Instant> appendAsync(ApplicationEvent event) {
		String key = ApplicationKey.of(event.localityCode(), event.applicationId());
		try {
			return this.template.send(Topics.SUBMISSIONS.name(), key, event)
				.thenApply((result) -> Instant.ofEpochMilli(result.getRecordMetadata().timestamp()));
		}
		catch (KafkaException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/** Waits for one append's acknowledgement, no longer than the configured time. */
	public Instant await(CompletableFuture<Instant> append) {
		try {
			return append.get(this.properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IngestUnavailableException("Interrupted while waiting for Kafka", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IngestUnavailableException("Kafka did not acknowledge the event in time", ex);
		}
	}

}
