package vn.dvcpulse.tracker.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.event.Channel;
import vn.dvcpulse.contract.event.OnlineLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The ingest breaker, shared by every locality, opens when Kafka is unavailable, and never for a caller's own
 * record that Kafka refuses (too large): that is the caller's {@code 413}.
 */
class SubmissionLogTests {

	/** The template closes its producer after each send: a new one each time, the latest kept to answer it. */
	private volatile MockProducer<String, ApplicationEvent> producer;

	/** As application.yml configures it, with the tracker's own customizer. */
	private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(configured());

	private final SubmissionLog log = new SubmissionLog(
			new KafkaTemplate<>(new MockProducerFactory<>(this::newProducer)),
			new IngestProperties(Duration.ofSeconds(2), Duration.ofSeconds(5)), this.breakers, new SimpleMeterRegistry());

	@Test
	void recordsKafkaRefusesAsTooLarge_areTheCallers413_andLeaveTheBreakerClosed() {
		for (int i = 0; i < 10; i++) {
			CompletableFuture<Instant> append = this.log.appendAsync(event(i));
			this.producer.errorNext(new RecordTooLargeException("The message is 1572864 bytes"));
			assertThatExceptionOfType(IngestRefusedException.class).isThrownBy(() -> this.log.await(append));
		}
		assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void kafkaNotAcknowledging_isUnavailable_andOpensTheBreaker() {
		for (int i = 0; i < 6; i++) {
			CompletableFuture<Instant> append = this.log.appendAsync(event(i));
			this.producer.errorNext(new TimeoutException("Expiring 1 record(s)"));
			assertThatExceptionOfType(IngestUnavailableException.class).isThrownBy(() -> this.log.await(append))
				.isNotInstanceOf(IngestRefusedException.class);
		}
		assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
	}

	private MockProducer<String, ApplicationEvent> newProducer() {
		this.producer = new MockProducer<>(false, null, new StringSerializer(),
				Topics.SUBMISSIONS.valueSerde().serializer());
		return this.producer;
	}

	private static CircuitBreakerConfig configured() {
		CircuitBreakerConfig.Builder config = CircuitBreakerConfig.custom()
			.slidingWindowSize(20)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(50);
		SubmissionLog.callersOwnRecordsDoNotOpenTheBreaker().customize(config);
		return config.build();
	}

	private CircuitBreaker breaker() {
		return this.breakers.circuitBreaker(SubmissionLog.BREAKER);
	}

	private static ApplicationEvent event(int i) {
		OffsetDateTime at = OffsetDateTime.parse("2025-07-21T08:30:00+07:00");
		return ApplicationEvent.submitted("e-" + i, "A-" + i, "01", "P06-03", at, Channel.ONLINE, OnlineLevel.FULL,
				at.plusDays(5));
	}

}
