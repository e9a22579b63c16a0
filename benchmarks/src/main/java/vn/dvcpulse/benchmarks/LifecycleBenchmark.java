package vn.dvcpulse.benchmarks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.event.Channel;
import vn.dvcpulse.contract.event.EventType;
import vn.dvcpulse.contract.event.OnlineLevel;
import vn.dvcpulse.tracker.domain.ApplicationLife;
import vn.dvcpulse.tracker.domain.ApplicationState;
import vn.dvcpulse.tracker.stream.ApplicationStateSerde;

/**
 * The tracker's hot path without I/O: an event written and read as on Kafka, an application's whole life (five
 * events) run through the lifecycle rules, and that life's state read and written as its store keeps it. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LifecycleBenchmark {

	static final OffsetDateTime AT = OffsetDateTime.parse("2025-08-04T09:00:00+07:00");

	private final Serializer<ApplicationEvent> serializer = Topics.SUBMISSIONS.valueSerde().serializer();

	private final Deserializer<ApplicationEvent> deserializer = Topics.SUBMISSIONS.valueSerde().deserializer();

	private final ApplicationStateSerde states = new ApplicationStateSerde();

	private List<ApplicationEvent> life;

	private byte[] written;

	private ApplicationState wholeLifeState;

	private byte[] wholeLifeStateWritten;

	@Setup
	public void setUp() {
		ApplicationEvent receipt = ApplicationEvent.submitted("s", "HN-1", "01", "P06-03", AT, Channel.ONLINE,
				OnlineLevel.FULL, AT.plusDays(5));
		this.life = List.of(receipt, LifeEvents.after(receipt, "p", EventType.PAID, AT.plusDays(1)),
				LifeEvents.after(receipt, "d", EventType.DIGITIZED, AT.plusDays(1)),
				LifeEvents.after(receipt, "c", EventType.COMPLETED, AT.plusDays(3)),
				LifeEvents.after(receipt, "r", EventType.RATED, AT.plusDays(4)));
		this.written = this.serializer.serialize(Topics.SUBMISSIONS.name(), this.life.get(0));
		this.wholeLifeState = wholeLife();
		this.wholeLifeStateWritten = this.states.serializer().serialize("", this.wholeLifeState);
	}

	/** One event to Kafka's bytes, as the tracker's producer writes it. */
	@Benchmark
	public byte[] writeEvent() {
		return this.serializer.serialize(Topics.SUBMISSIONS.name(), this.life.get(0));
	}

	/** One event from Kafka's bytes, as the lifecycle reads it. */
	@Benchmark
	public ApplicationEvent readEvent() {
		return this.deserializer.deserialize(Topics.SUBMISSIONS.name(), this.written);
	}

	/** A whole life through the rules: five events, five milestones. */
	@Benchmark
	public ApplicationState wholeLife() {
		ApplicationState state = ApplicationState.NEW;
		for (ApplicationEvent event : this.life) {
			state = ApplicationLife.apply(state, event, Instant.EPOCH).state();
		}
		return state;
	}

	/** A whole life's state from its store's bytes, as the lifecycle and the door's duplicate look-up read it. */
	@Benchmark
	public ApplicationState readState() {
		return this.states.deserializer().deserialize("", this.wholeLifeStateWritten);
	}

	/** A whole life's state to its store's bytes, as the lifecycle writes it at each event. */
	@Benchmark
	public byte[] writeState() {
		return this.states.serializer().serialize("", this.wholeLifeState);
	}

}
