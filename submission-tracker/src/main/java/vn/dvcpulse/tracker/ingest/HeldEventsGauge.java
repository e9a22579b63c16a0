package vn.dvcpulse.tracker.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import vn.dvcpulse.tracker.stream.StateNotReadyException;
import vn.dvcpulse.tracker.stream.TrackerQueries;

/**
 * {@code dvc_lifecycle_held_events}: events waiting for their application's SUBMITTED on this instance. A number that
 * only grows means a local system sends steps of applications it never reports as received.
 */
@Component
class HeldEventsGauge {

	HeldEventsGauge(TrackerQueries queries, MeterRegistry meters) {
		Gauge.builder("dvc.lifecycle.held.events", queries, (q) -> {
			try {
				return q.heldEvents();
			}
			catch (StateNotReadyException ex) {
				return Double.NaN;
			}
		}).description("Events held until their application's SUBMITTED arrives").register(meters);
	}

}
