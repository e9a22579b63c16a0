package vn.dvcpulse.contract;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.event.Channel;
import vn.dvcpulse.contract.event.OnlineLevel;

import static org.assertj.core.api.Assertions.assertThat;

/** Events as they are written on Kafka, and read back, whichever version wrote them. */
class JsonSerdesTests {

	private final Serde<ApplicationEvent> events = Topics.SUBMISSIONS.valueSerde();

	private final ApplicationEvent submitted = ApplicationEvent.submitted("e-1", "A-1", "01", "P06-03",
			OffsetDateTime.parse("2026-11-23T08:15:00+07:00"), Channel.ONLINE, OnlineLevel.FULL,
			OffsetDateTime.parse("2026-11-28T17:00:00+07:00"));

	@Test
	void event_isWrittenWithTheFieldsItsTypeUses_only_andReadBackTheSame() {
		byte[] written = this.events.serializer().serialize("t", this.submitted);

		assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo("{\"eventId\":\"e-1\",\"type\":\"SUBMITTED\","
				+ "\"applicationId\":\"A-1\",\"localityCode\":\"01\",\"serviceCode\":\"P06-03\","
				+ "\"occurredAt\":\"2026-11-23T08:15:00+07:00\",\"channel\":\"ONLINE\",\"onlineLevel\":\"FULL\","
				+ "\"dueAt\":\"2026-11-28T17:00:00+07:00\"}");
		assertSameEvent(this.events.deserializer().deserialize("t", written));
	}

	@Test
	void event_writtenWithItsNullFields_asBefore_readsTheSame() {
		String before = "{\"eventId\":\"e-1\",\"type\":\"SUBMITTED\",\"applicationId\":\"A-1\",\"localityCode\":\"01\","
				+ "\"serviceCode\":\"P06-03\",\"occurredAt\":\"2026-11-23T08:15:00+07:00\",\"channel\":\"ONLINE\","
				+ "\"onlineLevel\":\"FULL\",\"dueAt\":\"2026-11-28T17:00:00+07:00\",\"paymentChannel\":null,"
				+ "\"amountVnd\":null,\"digitizedComponents\":null,\"reusedData\":null,\"electronicResult\":null,"
				+ "\"outcome\":null,\"reason\":null,\"satisfaction\":null,\"citizenRef\":null}";

		assertSameEvent(this.events.deserializer().deserialize("t", before.getBytes(StandardCharsets.UTF_8)));
	}

	// read back in UTC, as Jackson adjusts date-times to its context's zone: the same instants
	private void assertSameEvent(ApplicationEvent read) {
		assertThat(read).usingRecursiveComparison()
			.withEqualsForType(OffsetDateTime::isEqual, OffsetDateTime.class)
			.isEqualTo(this.submitted);
	}

}
