package vn.dvcpulse.contract.milestone;

import java.time.Instant;
import java.time.LocalDate;

import vn.dvcpulse.contract.event.Channel;
import vn.dvcpulse.contract.event.OnlineLevel;

/**
 * A fact about one application that counts towards the indicators. It carries everything the aggregator needs,
 * so the aggregator keeps no state per application.
 *
 * @param type          which milestone
 * @param localityCode  the locality as recorded (the unit in force when the application was received)
 * @param serviceCode   the essential service
 * @param applicationId the application, unique within the locality
 * @param occurredAt    when the milestone happened
 * @param receiptDay    the day of receipt in Asia/Ho_Chi_Minh: the period every indicator of this application
 *                      belongs to
 * @param channel       how it was received
 * @param onlineLevel   FULL or PARTIAL for online receipts
 * @param sourceEventId the event that established this milestone
 */
public record ApplicationMilestone(MilestoneType type, String localityCode, String serviceCode,
		String applicationId, Instant occurredAt, LocalDate receiptDay, Channel channel, OnlineLevel onlineLevel,
		String sourceEventId) {

}
