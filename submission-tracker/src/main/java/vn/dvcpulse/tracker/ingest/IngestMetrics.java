package vn.dvcpulse.tracker.ingest;

import java.net.URI;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * What came to the door, for the operations team: {@code dvc_ingest_events_total} by outcome, reason (the problem
 * type) and locality. Locality codes that are not two digits are counted as {@code invalid}, so a sender cannot
 * grow the number of series.
 */
@Component
public class IngestMetrics {

	private final MeterRegistry meters;

	IngestMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	public void count(String localityCode, IngestOutcome outcome) {
		String reason = (outcome.problem() != null) ? reason(outcome.problem()) : "none";
		counter(localityCode, outcome.status().name().toLowerCase(), reason).increment();
	}

	public void rejected(String localityCode, ProblemDetail problem) {
		counter(localityCode, "rejected", reason(problem)).increment();
	}

	private Counter counter(String localityCode, String outcome, String reason) {
		String locality = (localityCode != null && localityCode.matches("\\d{2}")) ? localityCode : "invalid";
		return Counter.builder("dvc.ingest.events")
			.description("Events posted to the tracker, by what became of them at the door")
			.tag("outcome", outcome)
			.tag("reason", reason)
			.tag("locality", locality)
			.register(this.meters);
	}

	private static String reason(ProblemDetail problem) {
		URI type = problem.getType();
		String text = type.toString();
		return text.substring(text.lastIndexOf(':') + 1);
	}

}
