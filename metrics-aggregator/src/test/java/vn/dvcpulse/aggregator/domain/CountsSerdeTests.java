package vn.dvcpulse.aggregator.domain;

import java.time.Instant;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CountsSerdeTests {

	private final CountsSerde serde = new CountsSerde();

	@Test
	void everyCountAndTheTimeToTheNanosecond_surviveTheRoundTrip() {
		Counts counts = new Counts(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -11, 12, 13, 14, 15, Long.MAX_VALUE,
				Instant.parse("2025-08-04T02:00:00.123456789Z"));

		byte[] written = this.serde.serialize("t", counts);

		assertThat(written).hasSize(CountsSerde.SIZE);
		assertThat(this.serde.deserialize("t", written)).isEqualTo(counts);
	}

	@Test
	void noTime_staysNoTime_andNullStaysNull() {
		assertThat(this.serde.deserialize("t", this.serde.serialize("t", Counts.NONE))).isEqualTo(Counts.NONE);
		assertThat(this.serde.serialize("t", null)).isNull();
		assertThat(this.serde.deserialize("t", null)).isNull();
	}

	@Test
	void bytesOfAnotherFormat_areRefused_notMisread() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.serde.deserialize("t", "{\"received\":1}".getBytes()));
	}

}
