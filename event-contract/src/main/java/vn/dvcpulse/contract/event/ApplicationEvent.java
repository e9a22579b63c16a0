package vn.dvcpulse.contract.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * One step of one application (hồ sơ), as a local case-handling system posts it. The envelope (the first six
 * fields) is required of every event; the rest belongs to the event types named beside each field.
 *
 * @param eventId             chosen by the client, its idempotency key: the same id is counted once
 * @param type                which step this is
 * @param applicationId       unique within the posting locality
 * @param localityCode        the provincial unit's code, valid at {@code occurredAt}
 * @param serviceCode         the essential service's code, e.g. {@code P06-03}
 * @param occurredAt          when the step happened, ISO-8601 with an offset
 * @param channel             SUBMITTED: how the application was received
 * @param onlineLevel         SUBMITTED online: FULL or PARTIAL
 * @param dueAt               SUBMITTED: the promised completion time
 * @param paymentChannel      PAID
 * @param amountVnd           PAID: the fee in đồng
 * @param digitizedComponents DIGITIZED: which components were digitised
 * @param reusedData          DIGITIZED: whether already digitised data was reused
 * @param electronicResult    COMPLETED: whether the result was issued electronically
 * @param outcome             COMPLETED
 * @param reason              WITHDRAWN
 * @param satisfaction        RATED: 1..5
 * @param citizenRef          SUBMITTED, optional: a pseudonym of the applicant, 64 lowercase hex digits of a keyed
 *                            hash (HMAC-SHA-256 of the ID number with the local system's own secret)
 */
// Written without the fields its type does not use (absent reads as null, as for a milestone): an event names half
// of them or fewer, and the nulls were 40 to 50 % of its bytes on Kafka and in the tracker's state, each read again.
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationEvent(
		@NotBlank @Size(max = 64) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String eventId,
		@NotNull EventType type,
		@NotBlank @Size(max = 64) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String applicationId,
		@NotBlank @Pattern(regexp = "\\d{2}", message = "a two-digit locality code, e.g. 01") String localityCode,
		@NotBlank @Size(max = 16) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String serviceCode,
		@NotNull OffsetDateTime occurredAt,
		Channel channel,
		OnlineLevel onlineLevel,
		OffsetDateTime dueAt,
		PaymentChannel paymentChannel,
		@PositiveOrZero @Digits(integer = 15, fraction = 2) BigDecimal amountVnd,
		@Size(max = MAX_COMPONENTS) List<@NotBlank @Size(max = MAX_TEXT) String> digitizedComponents,
		Boolean reusedData,
		Boolean electronicResult,
		Outcome outcome,
		@Size(max = 500) String reason,
		Integer satisfaction,
		@Size(max = 64) String citizenRef) {

	/** The most components one DIGITIZED event names; with {@link #MAX_TEXT} it bounds an event's size. */
	public static final int MAX_COMPONENTS = 32;

	/** The longest name of a digitised component. */
	public static final int MAX_TEXT = 128;

	/**
	 * Letters, digits and {@code . _ : -}: {@code \w} is {@code [A-Za-z0-9_]} here and in the published schema's
	 * (ECMA) regular expressions. Written so, {@code java.util.regex} tests each character against two classes
	 * instead of five ranges: the check ran twice per event and was a twentieth of the tracker's door.
	 */
	static final String ID_PATTERN = "[\\w.:-]+";

	static final String ID_MESSAGE = "letters, digits and . _ : - only";

	/** A SUBMITTED event, the receipt. */
	public static ApplicationEvent submitted(String eventId, String applicationId, String localityCode,
			String serviceCode, OffsetDateTime occurredAt, Channel channel, OnlineLevel onlineLevel,
			OffsetDateTime dueAt) {
		return new ApplicationEvent(eventId, EventType.SUBMITTED, applicationId, localityCode, serviceCode,
				occurredAt, channel, onlineLevel, dueAt, null, null, null, null, null, null, null, null, null);
	}

}
