package vn.dvcpulse.aggregator.stream;

import java.time.LocalDate;

import vn.dvcpulse.aggregator.domain.Counts;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;

/**
 * What one application adds to (or takes from) the counts of its locality as recorded, service and day of receipt:
 * a milestone's counts, or a change in whether it is overdue.
 */
record Contribution(String localityCode, String serviceCode, LocalDate receiptDay, Counts counts) {

	static Contribution of(ApplicationMilestone milestone) {
		return new Contribution(milestone.localityCode(), milestone.serviceCode(), milestone.receiptDay(),
				Counts.of(milestone));
	}

}
