package vn.dvcpulse.tracker.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.ProblemDetail;

/**
 * What an import did, line by line, told in sums.
 *
 * @param lines       lines read (blank lines included)
 * @param accepted    events Kafka acknowledged
 * @param duplicates  events already accepted before (a re-run of a file is all duplicates)
 * @param rejected    events that reached nothing
 * @param rejectedBy  the rejected, by problem type
 * @param firstErrors the first {@value #ERRORS_KEPT} rejected lines, with their problem
 */
public record ImportSummary(long lines, long accepted, long duplicates, long rejected, Map<String, Long> rejectedBy,
		List<LineProblem> firstErrors) {

	static final int ERRORS_KEPT = 100;

	/**
	 * @param line    the line's number, from 1
	 * @param eventId its eventId, when it could be read
	 * @param problem what was wrong
	 */
	public record LineProblem(long line, String eventId, ProblemDetail problem) {
	}

	static final class Counter {

		private long lines;

		private long accepted;

		private long duplicates;

		private long rejected;

		private final Map<String, Long> rejectedBy = new TreeMap<>();

		private final List<LineProblem> firstErrors = new ArrayList<>();

		void add(long line, IngestOutcome outcome) {
			switch (outcome.status()) {
				case ACCEPTED -> this.accepted++;
				case DUPLICATE -> this.duplicates++;
				case REJECTED -> {
					this.rejected++;
					this.rejectedBy.merge(String.valueOf(outcome.problem().getType()), 1L, Long::sum);
					if (this.firstErrors.size() < ERRORS_KEPT) {
						this.firstErrors.add(new LineProblem(line, outcome.eventId(), outcome.problem()));
					}
				}
			}
		}

		void lines(long lines) {
			this.lines = lines;
		}

		ImportSummary summary() {
			this.firstErrors.sort(Comparator.comparingLong(LineProblem::line));
			return new ImportSummary(this.lines, this.accepted, this.duplicates, this.rejected,
					Map.copyOf(this.rejectedBy), List.copyOf(this.firstErrors));
		}

	}

}
