package vn.dvcpulse.contract.streams;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BoundedRocksDbMemoryTests {

	@Test
	void theBudget_isTheConfiguredBytes_orTheDefault() {
		assertThat(BoundedRocksDbMemory.totalBytes(" 268435456 ")).isEqualTo(268_435_456L);
		assertThat(BoundedRocksDbMemory.totalBytes(null)).isEqualTo(BoundedRocksDbMemory.DEFAULT_TOTAL_BYTES);
	}

	@Test
	void aBudgetOfNothing_isRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> BoundedRocksDbMemory.totalBytes("0"))
			.withMessageContaining(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG);
	}

}
