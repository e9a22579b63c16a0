package vn.dvcpulse.aggregator;

import java.time.Instant;
import java.time.OffsetDateTime;

import vn.dvcpulse.contract.ApplicationKey;
import vn.dvcpulse.contract.event.Channel;
import vn.dvcpulse.contract.event.OnlineLevel;
import vn.dvcpulse.contract.event.Outcome;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;
import vn.dvcpulse.contract.milestone.MilestoneType;

/** Milestones as the tracker emits them, for the aggregator's tests. */
public final class Milestones {

	private Milestones() {
	}

	public static ApplicationMilestone received(String locality, String service, String applicationId,
			String receivedAt, Channel channel) {
		return received(locality, service, applicationId, receivedAt, channel, null);
	}

	/** A receipt promised for {@code dueAt}, or with no due time when it is {@code null}. */
	public static ApplicationMilestone received(String locality, String service, String applicationId,
			String receivedAt, Channel channel, String dueAt) {
		return ApplicationMilestone.received(locality, service, applicationId, at(receivedAt), channel,
				(channel == Channel.ONLINE) ? OnlineLevel.FULL : null, applicationId + "-s", null,
				(dueAt != null) ? at(dueAt) : null);
	}

	public static ApplicationMilestone withdrawn(ApplicationMilestone receipt, String withdrawnAt) {
		return ApplicationMilestone.of(MilestoneType.WITHDRAWN, receipt, at(withdrawnAt),
				receipt.applicationId() + "-w");
	}

	public static ApplicationMilestone completed(ApplicationMilestone receipt, String completedAt, boolean onTime) {
		ApplicationMilestone base = ApplicationMilestone.of(MilestoneType.COMPLETED, receipt, at(completedAt),
				receipt.applicationId() + "-c");
		return new ApplicationMilestone(base.type(), base.localityCode(), base.serviceCode(), base.applicationId(),
				base.occurredAt(), base.receiptDay(), base.channel(), base.onlineLevel(), base.sourceEventId(), null,
				null, null, null, null, onTime, true, Outcome.APPROVED, null, false);
	}

	public static ApplicationMilestone rated(ApplicationMilestone receipt, String ratedAt, int satisfaction) {
		ApplicationMilestone base = ApplicationMilestone.of(MilestoneType.RATED, receipt, at(ratedAt),
				receipt.applicationId() + "-r");
		return new ApplicationMilestone(base.type(), base.localityCode(), base.serviceCode(), base.applicationId(),
				base.occurredAt(), base.receiptDay(), base.channel(), base.onlineLevel(), base.sourceEventId(), null,
				null, null, null, null, null, null, null, satisfaction, false);
	}

	public static String key(ApplicationMilestone milestone) {
		return ApplicationKey.of(milestone.localityCode(), milestone.applicationId());
	}

	private static Instant at(String offsetDateTime) {
		return OffsetDateTime.parse(offsetDateTime).toInstant();
	}

}
