package vn.dvcpulse.benchmarks;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.event.EventType;
import vn.dvcpulse.contract.event.Outcome;
import vn.dvcpulse.contract.event.PaymentChannel;

/** The events of an application's life after its receipt, as the benchmarks make them. */
final class LifeEvents {

	private LifeEvents() {
	}

	/**
	 * A step of the application {@code receipt} received, with the fields its type carries: paid online, digitised
	 * from reused data, completed on time with an electronic result, rated 5.
	 */
	static ApplicationEvent after(ApplicationEvent receipt, String eventId, EventType type, OffsetDateTime at) {
		return new ApplicationEvent(eventId, type, receipt.applicationId(), receipt.localityCode(),
				receipt.serviceCode(), at, null, null, null,
				(type == EventType.PAID) ? PaymentChannel.NATIONAL_PORTAL : null,
				(type == EventType.PAID) ? new BigDecimal("15000") : null, null,
				(type == EventType.DIGITIZED) ? Boolean.TRUE : null, (type == EventType.COMPLETED) ? Boolean.TRUE : null,
				(type == EventType.COMPLETED) ? Outcome.APPROVED : null, null, (type == EventType.RATED) ? 5 : null,
				null);
	}

}
