package vn.dvcpulse.tracker.ingest;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.common.circuitbreaker.configuration.CircuitBreakerConfigCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.context.annotation.Bean;
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
		String key = ApplicationKey.of(event.localityCode(), event.applicationId());
		Supplier<CompletionStage<Instant>> send = () -> this.template.send(Topics.SUBMISSIONS.name(), key, event)
			.thenApply((result) -> Instant.ofEpochMilli(result.getRecordMetadata().timestamp()))
			.orTimeout(this.properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
		long started = System.nanoTime();
		// the breaker counts what Kafka failed to acknowledge; a send refused at once is counted too (no metadata
		// within max.block.ms, a failed producer); a record refused as the caller's is not (see refusal)
		return CircuitBreaker.decorateCompletionStage(this.breaker, send)
			.get()
			.toCompletableFuture()
			.whenComplete((at, failure) -> {
				if (failure == null) {
					this.acknowledgements.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
				}
			});
	}

	/**
	 * The breaker's configuration (application.yml) with one rule more: a caller's record that Kafka refused is no
	 * failure of Kafka, so it must not open the breaker every locality shares.
	 */
	@Bean
	static CircuitBreakerConfigCustomizer callersOwnRecordsDoNotOpenTheBreaker() {
		return CircuitBreakerConfigCustomizer.of(BREAKER, (config) -> config.ignoreException((ex) -> refusal(ex) != null));
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
