package vn.dvcpulse.tracker.stream;

import java.time.Instant;

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

	private final RunningApplicationStores running;

	private FixedKeyProcessorContext<String, Object> context;

	private KeyValueStore<String, ApplicationState> applications;

	private KeyValueStore<String, Rejection> rejections;

	private KeyValueStore<String, Long> counters;

	private String heldKey;

	ApplicationLifecycle(RunningApplicationStores running) {
		this.running = running;
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
		ApplicationLife.Step step = ApplicationLife.apply((state != null) ? state : ApplicationState.NEW,
				record.value(), Instant.ofEpochMilli(record.timestamp()));
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
