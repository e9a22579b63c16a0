package vn.dvcpulse.tracker.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.dvcpulse.access.Caller;
import vn.dvcpulse.contract.rejection.Rejection;
import vn.dvcpulse.tracker.ingest.LocalityScope;
import vn.dvcpulse.tracker.stream.TrackerQueries.RejectionPage;
import vn.dvcpulse.tracker.stream.TrackerQueries;

/** The feed of events accepted at the door but not counted, and why: what a submitter corrects. */
@RestController
@RequestMapping("/api/v1/rejections")
class RejectionResource {

	private final TrackerQueries queries;

	private final LocalityScope scope;

	RejectionResource(TrackerQueries queries, LocalityScope scope) {
		this.queries = queries;
		this.scope = scope;
	}

	/**
	 * A locality's rejections judged at or after {@code since}, oldest first, {@code limit} at a time; pass the
	 * answer's {@code next} as {@code after} for the next page.
	 */
	@GetMapping
	Rejections rejections(
			@RequestParam @Pattern(regexp = "\\d{2}", message = "a two-digit locality code") String locality,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
			@RequestParam(required = false) String after,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		this.scope.checkRead(Caller.current(), locality);
		Instant from = (since != null) ? since : Instant.EPOCH;
		RejectionPage page = this.queries.rejections(locality, from, after, limit);
		return new Rejections(locality, from, page.rejections().size(), page.rejections(), page.next());
	}

	record Rejections(String locality, Instant since, int count, List<Rejection> rejections, String next) {
	}

}
