package vn.dvcpulse.gateway;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's own token buckets: refusing once empty, and forgotten once they would be full again. */
class BucketStoreTests {

	final AtomicLong now = new AtomicLong();

	final BucketStore.InMemory buckets = new BucketStore.InMemory(this.now::get);

	@Test
	void anEmptiedBucket_saysHowLongUntilItsNextToken() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.buckets.take("client", 3).block()).isZero();
		}
		assertThat(this.buckets.take("client", 3).block()).isPositive()
			.isLessThanOrEqualTo(BucketStore.REFILL.toNanos() / 3);
		assertThat(this.buckets.take("other client", 3).block()).as("each key its own bucket").isZero();
	}

	@Test
	void aBucketLeftAloneForARefill_isForgotten_whileOneInUseIsKept() {
		this.buckets.take("seen once", 3).block();
		this.buckets.take("in use", 3).block();
		assertThat(this.buckets.size()).isEqualTo(2);

		advance(Duration.ofMillis(999));
		this.buckets.take("in use", 3).block();
		assertThat(this.buckets.size()).isEqualTo(2);

		advance(Duration.ofMillis(2));
		assertThat(this.buckets.size()).as("the bucket untouched for a second is gone").isEqualTo(1);

		advance(BucketStore.REFILL);
		assertThat(this.buckets.size()).isZero();
	}

	private void advance(Duration duration) {
		this.now.addAndGet(duration.toNanos());
	}

}
