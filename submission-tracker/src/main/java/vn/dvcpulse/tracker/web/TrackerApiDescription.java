package vn.dvcpulse.tracker.web;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.dvcpulse.access.ApiDescription;

/** The tracker's own problem answers in its API description, beside the common ones. */
@Configuration(proxyBeanMethods = false)
class TrackerApiDescription {

	@Bean
	OpenApiCustomizer trackerProblemAnswers() {
		return ApiDescription.problems(Map.of(
				"POST /api/v1/events", Map.of("409", "The eventId was accepted before for a different event",
						"413", "The body is over 64 KB", "415", "The body is not application/json"),
				"POST /api/v1/events:batch", Map.of("413", "Over 1,000 items, or the body is over 5 MB", "415",
						"The body is not application/json"),
				"POST /api/v1/events:import", Map.of("415", "The body is not application/x-ndjson"),
				"GET /api/v1/applications/{localityCode}/{applicationId}",
				Map.of("404", "No event of this application has reached the tracker")));
	}

}
