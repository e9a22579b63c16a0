package vn.dvcpulse.aggregator.observe;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import vn.dvcpulse.contract.milestone.ApplicationMilestone;

/**
 * When milestones reach the aggregator: how long after Kafka acknowledged their event (the record's timestamp,
 * carried through the tracker), and when each locality (as recorded) last sent anything. Both are this instance's
 * view: with several instances, each sees its own partitions.
 */
@Component
public class Arrivals {

	private final Timer freshness;

	private final Map<String, Long> lastArrival = new ConcurrentHashMap<>();

	private final Clock clock;

	Arrivals(MeterRegistry meters, Clock clock) {
		this.clock = clock;
		this.freshness = Timer.builder("dvc.aggregator.freshness")
			.description("Time from an event's acknowledgement by Kafka to its milestone being counted")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(10))
			.maximumExpectedValue(Duration.ofMinutes(5))
			.register(meters);
	}

	/** Records one milestone's arrival; {@code acknowledgedAt} is its record's timestamp. */
	public void arrived(ApplicationMilestone milestone, long acknowledgedAt) {
		long now = this.clock.millis();
		this.freshness.record(Duration.ofMillis(Math.max(0, now - acknowledgedAt)));
		this.lastArrival.merge(milestone.localityCode(), now, Math::max);
	}

	/** When a locality as recorded last sent something, in epoch milliseconds, or {@code null}. */
	public Long lastArrival(String localityCode) {
		return this.lastArrival.get(localityCode);
	}

}
