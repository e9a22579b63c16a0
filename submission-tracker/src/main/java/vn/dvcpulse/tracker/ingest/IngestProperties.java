package vn.dvcpulse.tracker.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param ackTimeout how long a request waits for Kafka's acknowledgement before it answers 503; the client
 *                   re-posts the same eventId later, which counts once whatever happened to the first
 * @param retryAfter what the 503 tells the client to wait
 */
@ConfigurationProperties("dvc.ingest")
public record IngestProperties(Duration ackTimeout, Duration retryAfter) {

	public IngestProperties {
		ackTimeout = (ackTimeout != null) ? ackTimeout : Duration.ofSeconds(2);
		retryAfter = (retryAfter != null) ? retryAfter : Duration.ofSeconds(5);
	}

}
