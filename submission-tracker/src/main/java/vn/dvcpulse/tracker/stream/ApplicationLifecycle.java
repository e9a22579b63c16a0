package vn.dvcpulse.tracker.stream;

import java.time.Instant;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

import vn.dvcpulse.contract.ReceiptPeriods;
import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.event.EventType;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;
import vn.dvcpulse.contract.milestone.MilestoneType;

/**
 * The life of one application, one event at a time. Rule: an application is received once, by its first
 * SUBMITTED event; a re-posted event or a second SUBMITTED changes nothing. Under exactly-once processing the
 * state update and the milestone are committed together, so a crash cannot emit a milestone twice.
 */
class ApplicationLifecycle implements FixedKeyProcessor<String, ApplicationEvent, ApplicationMilestone> {

	static final String STORE = "application-lifecycle";

	private FixedKeyProcessorContext<String, ApplicationMilestone> context;

	private KeyValueStore<String, ApplicationState> applications;

	@Override
	public void init(FixedKeyProcessorContext<String, ApplicationMilestone> context) {
		this.context = context;
		this.applications = context.getStateStore(STORE);
	}

	@Override
	public void process(FixedKeyRecord<String, ApplicationEvent> record) {
		ApplicationEvent event = record.value();
		if (event == null || event.type() != EventType.SUBMITTED) {
			return;
		}
		if (this.applications.get(record.key()) != null) {
			return;
		}
		Instant receivedAt = event.occurredAt().toInstant();
		this.applications.put(record.key(), new ApplicationState(event.eventId(), receivedAt));
		this.context.forward(record.withValue(new ApplicationMilestone(MilestoneType.RECEIVED, event.localityCode(),
				event.serviceCode(), event.applicationId(), receivedAt, ReceiptPeriods.dayOf(receivedAt),
				event.channel(), event.onlineLevel(), event.eventId())));
	}

}
