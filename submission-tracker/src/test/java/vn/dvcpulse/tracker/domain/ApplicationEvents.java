package vn.dvcpulse.tracker.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.event.Channel;
import vn.dvcpulse.contract.event.EventType;
import vn.dvcpulse.contract.event.OnlineLevel;
import vn.dvcpulse.contract.event.Outcome;
import vn.dvcpulse.contract.event.PaymentChannel;

/** Events of one application (HN-1 of Hà Nội), as tests need them. */
public final class ApplicationEvents {

	public static final OffsetDateTime DAY_ONE = OffsetDateTime.parse("2025-08-04T09:00:00+07:00");

	private ApplicationEvents() {
	}

	public static ApplicationEvent submitted(String eventId, Channel channel) {
		return ApplicationEvent.submitted(eventId, "HN-1", "01", "P06-03", DAY_ONE, channel,
				channel == Channel.ONLINE ? OnlineLevel.FULL : null, DAY_ONE.plusDays(5));
	}

	public static ApplicationEvent paid(String eventId, PaymentChannel channel) {
		return event(eventId, EventType.PAID, 1, channel, new BigDecimal("15000"), null, null, null, null, null);
	}

	public static ApplicationEvent digitized(String eventId) {
		return event(eventId, EventType.DIGITIZED, 1, null, null, true, null, null, null, null);
	}

	public static ApplicationEvent completed(String eventId, int day) {
		return event(eventId, EventType.COMPLETED, day, null, null, null, true, Outcome.APPROVED, null, null);
	}

	public static ApplicationEvent withdrawn(String eventId, int day) {
		return event(eventId, EventType.WITHDRAWN, day, null, null, null, null, null, "changed mind", null);
	}

	public static ApplicationEvent rated(String eventId, int satisfaction) {
		return event(eventId, EventType.RATED, 7, null, null, null, null, null, null, satisfaction);
	}

	/** A whole, consistent life: received online, paid online, digitised, completed on time, rated. */
	public static List<ApplicationEvent> wholeLife() {
		return List.of(submitted("s", Channel.ONLINE), paid("p", PaymentChannel.NATIONAL_PORTAL), digitized("d"),
				completed("c", 3), rated("r", 5));
	}

	private static ApplicationEvent event(String eventId, EventType type, int day, PaymentChannel payment,
			BigDecimal amount, Boolean reused, Boolean electronic, Outcome outcome, String reason, Integer rating) {
		return new ApplicationEvent(eventId, type, "HN-1", "01", "P06-03", DAY_ONE.plusDays(day), null, null, null,
				payment, amount, (reused != null) ? List.of("form") : null, reused, electronic, outcome, reason, rating,
				null);
	}

}
