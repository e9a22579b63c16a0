package vn.dvcpulse.tracker.stream;

import java.time.Instant;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.rejection.Rejection;
import vn.dvcpulse.tracker.domain.ApplicationLife;
import vn.dvcpulse.tracker.domain.ApplicationState;

/**
 * Runs each application's life (the rules are {@link ApplicationLife}'s) over its state store, and forwards the
 * milestones reached and the events rejected. Under exactly-once processing the state update, the milestones and
 * the rejections are committed together, so a crash can neither lose nor repeat one.
 */
class ApplicationLifecycle implements FixedKeyProcessor<String, ApplicationEvent, Object> {

	static final String APPLICATIONS = "applications";

	static final String REJECTIONS = "rejections-by-locality";

	/** Running counts of this task's partition, kept with its state so they survive restarts: {@code held/3}. */
	static final String COUNTERS = "lifecycle-counters";

	/**
	 * The most bytes an application's state may take, well under the 1 MB a changelog record may: a state that
	 * could not be written would stop the lifecycle of every application of its partition.
	 */
	static final int MAX_STATE_BYTES = 512 * 1024;

	/**
	 * Below this many events a state needs no measuring: each event read is at most 64 KB (see {@code Topics}), so
	 * it cannot reach {@link #MAX_STATE_BYTES}; normal lives (six steps at most) never pay for the measure.
	 */
	static final int MEASURED_FROM = 7;

	private final RunningApplicationStores running;

	private final Serializer<ApplicationState> stateWriter;

	private FixedKeyProcessorContext<String, Object> context;

	private KeyValueStore<String, ApplicationState> applications;

	private KeyValueStore<String, Rejection> rejections;

	private KeyValueStore<String, Long> counters;

	private String heldKey;

	ApplicationLifecycle(RunningApplicationStores running, Serializer<ApplicationState> stateWriter) {
		this.running = running;
		this.stateWriter = stateWriter;
	}

	@Override
	public void init(FixedKeyProcessorContext<String, Object> context) {
		this.context = context;
		this.applications = context.getStateStore(APPLICATIONS);
		this.rejections = context.getStateStore(REJECTIONS);
		this.counters = context.getStateStore(COUNTERS);
		this.heldKey = "held/" + context.taskId().partition();
		this.running.started(context.taskId().partition(), this.applications);
	}

	@Override
	public void close() {
		this.running.closed(this.context.taskId().partition(), this.applications);
	}

	@Override
	public void process(FixedKeyRecord<String, ApplicationEvent> record) {
		if (record.value() == null) {
			return;
		}
		ApplicationState state = this.applications.get(record.key());
		ApplicationState before = (state != null) ? state : ApplicationState.NEW;
		Instant at = Instant.ofEpochMilli(record.timestamp());
		ApplicationLife.Step step = ApplicationLife.apply(before, record.value(), at);
		if (step.state() != before && step.state().events().size() >= MEASURED_FROM
				&& this.stateWriter.serialize(APPLICATIONS, step.state()).length > MAX_STATE_BYTES) {
			step = ApplicationLife.full(before, record.value(), at);
		}
		this.applications.put(record.key(), step.state());
		long heldChange = step.state().held() - ((state != null) ? state.held() : 0);
		if (heldChange != 0) {
			Long held = this.counters.get(this.heldKey);
			this.counters.put(this.heldKey, ((held != null) ? held : 0) + heldChange);
		}
		step.milestones().forEach((milestone) -> this.context.forward(record.withValue(milestone)));
		for (Rejection rejection : step.rejections()) {
			this.rejections.put(RejectionFeed.key(rejection), rejection);
			this.context.forward(record.withValue(rejection));
		}
	}

}
