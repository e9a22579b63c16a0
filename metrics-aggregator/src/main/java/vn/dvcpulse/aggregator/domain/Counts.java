package vn.dvcpulse.aggregator.domain;

import java.time.Instant;

import vn.dvcpulse.contract.event.Channel;
import vn.dvcpulse.contract.event.OnlineLevel;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;

/**
 * The counts every indicator is computed from, for one locality, service and period of receipt. Each milestone adds
 * to its application's period of receipt, whenever it happens, so a late completion updates the right past period.
 *
 * @param received           applications received
 * @param receivedOnline     of which online
 * @param receivedOnlineFull of which online at level FULL (toàn trình)
 * @param paid               applications paid
 * @param paidOnline         of which paid online (national portal or local gateway)
 * @param digitized          applications with digitised components
 * @param reusedData         of which reusing digitised data
 * @param completed          applications completed
 * @param completedWithDue   of which with a due time
 * @param completedOnTime    of which on or before it
 * @param overdueInProgress  applications neither completed nor withdrawn whose due time has passed, now
 * @param electronicResult   completed with an electronic result
 * @param withdrawn          applications withdrawn
 * @param rated              applications rated
 * @param satisfactionSum    the sum of their ratings (1..5)
 * @param satisfied          rated 4 or 5
 * @param asOf               the latest time of any milestone counted
 */
public record Counts(long received, long receivedOnline, long receivedOnlineFull, long paid, long paidOnline,
		long digitized, long reusedData, long completed, long completedWithDue, long completedOnTime,
		long overdueInProgress, long electronicResult, long withdrawn, long rated, long satisfactionSum,
		long satisfied, Instant asOf) {

	public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null);

	/** What one milestone adds to its period of receipt; a retraction takes the same away. */
	public static Counts of(ApplicationMilestone m) {
		Instant at = m.occurredAt();
		Counts one = switch (m.type()) {
			case RECEIVED -> new Counts(1, is(m.channel() == Channel.ONLINE),
					is(m.channel() == Channel.ONLINE && m.onlineLevel() == OnlineLevel.FULL), 0, 0, 0, 0, 0, 0, 0, 0,
					0, 0, 0, 0, 0, at);
			case PAID -> new Counts(0, 0, 0, 1, is(Boolean.TRUE.equals(m.paidOnline())), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
					0, at);
			case DIGITIZED -> new Counts(0, 0, 0, 0, 0, 1, is(Boolean.TRUE.equals(m.reusedData())), 0, 0, 0, 0, 0, 0,
					0, 0, 0, at);
			case COMPLETED -> new Counts(0, 0, 0, 0, 0, 0, 0, 1, is(m.onTime() != null),
					is(Boolean.TRUE.equals(m.onTime())), 0, is(Boolean.TRUE.equals(m.electronicResult())), 0, 0, 0, 0,
					at);
			case WITHDRAWN -> new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, at);
			case RATED -> new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
					(m.satisfaction() != null) ? m.satisfaction() : 0,
					is(m.satisfaction() != null && m.satisfaction() >= 4), at);
		};
		return m.isRetraction() ? NONE.subtract(one) : one;
	}

	/** One application more ({@code +1}) or less ({@code -1}) overdue in progress; it moves no time. */
	public static Counts overdue(int change) {
		return new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, change, 0, 0, 0, 0, 0, null);
	}

	/** These counts less others; the latest time stays, a retraction does not move time back. */
	public Counts subtract(Counts o) {
		return new Counts(this.received - o.received, this.receivedOnline - o.receivedOnline,
				this.receivedOnlineFull - o.receivedOnlineFull, this.paid - o.paid, this.paidOnline - o.paidOnline,
				this.digitized - o.digitized, this.reusedData - o.reusedData, this.completed - o.completed,
				this.completedWithDue - o.completedWithDue, this.completedOnTime - o.completedOnTime,
				this.overdueInProgress - o.overdueInProgress, this.electronicResult - o.electronicResult,
				this.withdrawn - o.withdrawn, this.rated - o.rated, this.satisfactionSum - o.satisfactionSum,
				this.satisfied - o.satisfied, this.asOf);
	}

	/** The sum of two sets of counts. */
	public Counts add(Counts o) {
		return new Counts(this.received + o.received, this.receivedOnline + o.receivedOnline,
				this.receivedOnlineFull + o.receivedOnlineFull, this.paid + o.paid, this.paidOnline + o.paidOnline,
				this.digitized + o.digitized, this.reusedData + o.reusedData, this.completed + o.completed,
				this.completedWithDue + o.completedWithDue, this.completedOnTime + o.completedOnTime,
				this.overdueInProgress + o.overdueInProgress, this.electronicResult + o.electronicResult,
				this.withdrawn + o.withdrawn, this.rated + o.rated, this.satisfactionSum + o.satisfactionSum,
				this.satisfied + o.satisfied, latest(this.asOf, o.asOf));
	}

	private static long is(boolean condition) {
		return condition ? 1 : 0;
	}

	private static Instant latest(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

}
