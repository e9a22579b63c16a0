package vn.dvcpulse.aggregator.domain;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OnlineSubmissionRateTests {

	@Test
	void rate_isOnlineOverAll_roundedHalfEvenToFourPlaces() {
		assertThat(new OnlineSubmissionRate(2, 3).value()).isEqualByComparingTo("0.6667");
		assertThat(new OnlineSubmissionRate(1, 8).value()).isEqualTo(new BigDecimal("0.1250"));
		assertThat(new OnlineSubmissionRate(3, 3).value()).isEqualByComparingTo("1");
	}

	@Test
	void nothingReceived_hasNoRate() {
		assertThat(new OnlineSubmissionRate(0, 0).value()).isNull();
	}

	@Test
	void moreOnlineThanReceived_isRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OnlineSubmissionRate(4, 3));
		assertThatIllegalArgumentException().isThrownBy(() -> new OnlineSubmissionRate(-1, 3));
	}

}
