package vn.dvcpulse.contract.milestone;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.dvcpulse.contract.ReceiptPeriods;
import vn.dvcpulse.contract.event.Channel;
import vn.dvcpulse.contract.event.OnlineLevel;
import vn.dvcpulse.contract.event.Outcome;

/**
 * A fact about one application that counts towards the indicators, emitted once per application and type. Every
 * milestone repeats what the receipt established (locality as recorded, service, day of receipt, channel), so the
 * aggregator can attribute it to its period and keeps no state per application.
 *
 * @param type             which milestone
 * @param localityCode     the locality as recorded (the unit in force when the application was received)
 * @param serviceCode      the essential service
 * @param applicationId    the application, unique within the locality
 * @param occurredAt       when the milestone happened
 * @param receiptDay       the day of receipt in Asia/Ho_Chi_Minh: the period every indicator of this application
 *                         belongs to
 * @param channel          how it was received
 * @param onlineLevel      FULL or PARTIAL for online receipts
 * @param sourceEventId    the event that established this milestone
 * @param citizenRef       RECEIVED: the applicant's salted hash, when the local system sent one
 * @param dueAt            RECEIVED: the promised completion time, when the local system sent one
 * @param paidOnline       PAID: through the national portal or a local payment gateway
 * @param amountVnd        PAID: the amount
 * @param reusedData       DIGITIZED: whether digitised data was reused
 * @param onTime           COMPLETED: completed on or before the due time; {@code null} when no due time was given
 * @param electronicResult COMPLETED: the result was issued electronically
 * @param outcome          COMPLETED: approved or refused
 * @param satisfaction     RATED: 1..5
 * @param retraction       {@code true} when this takes back a milestone emitted before with exactly these values:
 *                         an event that arrived late showed that another event established the milestone (an
 *                         earlier receipt, say), so the figures must forget the old one before counting the new
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationMilestone(MilestoneType type, String localityCode, String serviceCode,
		String applicationId, Instant occurredAt, LocalDate receiptDay, Channel channel, OnlineLevel onlineLevel,
		String sourceEventId, String citizenRef, Instant dueAt, Boolean paidOnline, BigDecimal amountVnd, Boolean reusedData,
		Boolean onTime, Boolean electronicResult, Outcome outcome, Integer satisfaction, boolean retraction) {

	/** This milestone taken back. */
	public ApplicationMilestone retracted() {
		return new ApplicationMilestone(this.type, this.localityCode, this.serviceCode, this.applicationId,
				this.occurredAt, this.receiptDay, this.channel, this.onlineLevel, this.sourceEventId, this.citizenRef,
				this.dueAt, this.paidOnline, this.amountVnd, this.reusedData, this.onTime, this.electronicResult, this.outcome,
				this.satisfaction, true);
	}

	public boolean isRetraction() {
		return this.retraction;
	}

	/** The receipt: the milestone every other milestone of the application repeats. */
	public static ApplicationMilestone received(String localityCode, String serviceCode, String applicationId,
			Instant occurredAt, Channel channel, OnlineLevel onlineLevel, String sourceEventId, String citizenRef,
			Instant dueAt) {
		return new ApplicationMilestone(MilestoneType.RECEIVED, localityCode, serviceCode, applicationId, occurredAt,
				ReceiptPeriods.dayOf(occurredAt), channel, onlineLevel, sourceEventId, citizenRef, dueAt, null, null,
				null, null, null, null, null, false);
	}

	/** Whether every time of the milestone is a time of the era (a record written past the door may not be). */
	public boolean inEra() {
		return ReceiptPeriods.inEra(this.occurredAt) && ReceiptPeriods.inEra(this.dueAt)
				&& (this.receiptDay == null || (!this.receiptDay.isBefore(ReceiptPeriods.ERA_START)
						&& this.receiptDay.isBefore(ReceiptPeriods.ERA_END)));
	}

	/** A milestone of the given type with the receipt's attributes and nothing of its own yet. */
	public static ApplicationMilestone of(MilestoneType type, ApplicationMilestone receipt, Instant occurredAt,
			String sourceEventId) {
		return new ApplicationMilestone(type, receipt.localityCode(), receipt.serviceCode(), receipt.applicationId(),
				occurredAt, receipt.receiptDay(), receipt.channel(), receipt.onlineLevel(), sourceEventId, null, null,
				null, null, null, null, null, null, null, false);
	}

}
