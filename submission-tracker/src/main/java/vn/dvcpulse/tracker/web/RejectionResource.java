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
import vn.dvcpulse.contract.ReceiptPeriods;
import vn.dvcpulse.contract.problem.FieldProblem;
import vn.dvcpulse.contract.problem.InvalidFieldsException;
import vn.dvcpulse.contract.problem.ProblemType;
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
		// a cursor names a place in this locality's range only; the same for the time it starts from
		if (after != null && !TrackerQueries.isCursorOf(locality, after)) {
			throw new InvalidFieldsException(ProblemType.INVALID_PARAMETER, List.of(FieldProblem.invalid("after",
					"the next of a page of locality " + locality + "'s rejections", after)));
		}
		if (since != null && (since.isBefore(Instant.EPOCH)
				|| !since.isBefore(ReceiptPeriods.startOf(ReceiptPeriods.ERA_END)))) {
			throw new InvalidFieldsException(ProblemType.INVALID_PARAMETER, List.of(FieldProblem.invalid("since",
					"a time from 1970 to before " + ReceiptPeriods.ERA_END, since.toString())));
		}
		Instant from = (since != null) ? since : Instant.EPOCH;
		RejectionPage page = this.queries.rejections(locality, from, after, limit);
		return new Rejections(locality, from, page.rejections().size(), page.rejections(), page.next());
	}

	record Rejections(String locality, Instant since, int count, List<Rejection> rejections, String next) {
	}

}
