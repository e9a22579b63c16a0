package vn.dvcpulse.tracker.ingest;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import vn.dvcpulse.contract.ApplicationKey;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.event.ApplicationEvent;

/**
 * The submissions topic as the tracker writes it: an event is accepted once Kafka holds it, not before. When
 * Kafka does not answer, a circuit breaker opens so that requests are refused at once instead of each waiting
 * out the timeout; it lets a few through again after a while, and closes by itself when Kafka is back.
 */
@Component
public class SubmissionLog {

	static final String BREAKER = "kafka-ingest";

	private final KafkaTemplate<String, ApplicationEvent> template;

	private final IngestProperties properties;

	private final CircuitBreaker breaker;

	private final Timer acknowledgements;

	SubmissionLog(KafkaTemplate<String, ApplicationEvent> submissionsTemplate, IngestProperties properties,
			CircuitBreakerRegistry breakers, MeterRegistry meters) {
		this.template = submissionsTemplate;
		this.properties = properties;
		this.breaker = breakers.circuitBreaker(BREAKER);
		this.acknowledgements = Timer.builder("dvc.ingest.acknowledgement")
			.description("Time from sending an event to Kafka's acknowledgement by all in-sync replicas")
			.publishPercentileHistogram()
			.register(meters);
	}

	/**
	 * Appends the event and waits for the acknowledgement of all in-sync replicas.
	 * @return the time Kafka recorded for the event
	 * @throws IngestUnavailableException when Kafka did not acknowledge within the configured time
	 */
	public Instant append(ApplicationEvent event) {
		return await(appendAsync(event));
	}

	/**
	 * Appends the event without waiting: many in flight are batched by the producer. The future fails after the
	 * acknowledgement timeout at the latest (the record may still arrive; a re-post of the same eventId counts once).
	 */
	public CompletableFuture<Instant> appendAsync(ApplicationEvent event) {
		if (!this.breaker.tryAcquirePermission()) {
			return CompletableFuture.failedFuture(CallNotPermittedException.createCallNotPermittedException(this.breaker));
		}
		String key = ApplicationKey.of(event.localityCode(), event.applicationId());
		long started = this.breaker.getCurrentTimestamp();
		CompletableFuture<Instant> acknowledged;
		try {
			acknowledged = this.template.send(Topics.SUBMISSIONS.name(), key, event)
				.thenApply((result) -> Instant.ofEpochMilli(result.getRecordMetadata().timestamp()))
				.orTimeout(this.properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (KafkaException | org.springframework.kafka.KafkaException ex) {
			// no metadata within max.block.ms, or the producer failed: Kafka does not have the event
			acknowledged = CompletableFuture.failedFuture(ex);
		}
		return acknowledged.whenComplete((at, failure) -> {
			long elapsed = this.breaker.getCurrentTimestamp() - started;
			if (failure == null) {
				this.breaker.onSuccess(elapsed, this.breaker.getTimestampUnit());
				this.acknowledgements.record(elapsed, this.breaker.getTimestampUnit());
			}
			else if (refusal(failure) != null) {
				// the caller's own record, not Kafka's health: it must not open the breaker that all localities share
				this.breaker.releasePermission();
			}
			else {
				this.breaker.onError(elapsed, this.breaker.getTimestampUnit(), failure);
			}
		});
	}

	/** What in a failure says the record itself was refused (too large, or not writable), or {@code null}. */
	static Throwable refusal(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RecordTooLargeException || cause instanceof SerializationException) {
				return cause;
			}
		}
		return null;
	}

	/** Waits for one append's acknowledgement (which fails by itself after the configured time). */
	public Instant await(CompletableFuture<Instant> append) {
		try {
			return append.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IngestUnavailableException("Interrupted while waiting for Kafka", ex);
		}
		catch (ExecutionException | CompletionException ex) {
			Throwable refusal = refusal(ex);
			if (refusal != null) {
				throw new IngestRefusedException("Kafka refused the event: " + refusal.getMessage(), refusal);
			}
			throw new IngestUnavailableException("Kafka did not acknowledge the event in time", ex.getCause());
		}
	}

}
