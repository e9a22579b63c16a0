package vn.dvcpulse.gateway;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import reactor.core.publisher.Mono;

/**
 * Where the rate limits' token buckets live: in this gateway's memory, or in Redis so that several gateway
 * instances share one bucket per client and per role. Either way a bucket holds {@code perSecond} tokens and
 * refills them continuously over a second. Taking a token never blocks the caller's thread (the gateway's event
 * loop): Redis is asked asynchronously.
 */
interface BucketStore extends AutoCloseable {

	/** Takes one token from the bucket: nanoseconds to wait before one is there, or 0 when one was taken. */
	Mono<Long> take(String key, long perSecond);

	/** How long an emptied bucket takes to be full again. */
	Duration REFILL = Duration.ofSeconds(1);

	@Override
	default void close() {
	}

	private static long waitOf(ConsumptionProbe probe) {
		return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
	}

	static BucketConfiguration perSecond(long perSecond) {
		return BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(perSecond).refillGreedy(perSecond, REFILL))
			.build();
	}

	/**
	 * This instance's buckets only. A bucket left alone for {@link #REFILL} is full again, as a new one would be, so
	 * it is forgotten then: the gateway keeps a bucket per client seen in the last second, not per client ever seen.
	 */
	final class InMemory implements BucketStore {

		private final Cache<String, Bucket> buckets;

		InMemory() {
			this(Ticker.systemTicker());
		}

		InMemory(Ticker ticker) {
			this.buckets = Caffeine.newBuilder().expireAfterAccess(REFILL).ticker(ticker).build();
		}

		@Override
		public Mono<Long> take(String key, long perSecond) {
			Bucket bucket = this.buckets.get(key,
					(k) -> Bucket.builder().addLimit(perSecond(perSecond).getBandwidths()[0]).build());
			return Mono.just(waitOf(bucket.tryConsumeAndReturnRemaining(1)));
		}

		/** The buckets kept now. */
		long size() {
			this.buckets.cleanUp();
			return this.buckets.estimatedSize();
		}

	}

	/**
	 * Buckets in Redis (compare-and-swap, Lettuce), shared by every gateway instance using the same Redis; a bucket
	 * left alone expires once it would be full again.
	 */
	final class InRedis implements BucketStore {

		private final RedisClient client;

		private final StatefulRedisConnection<String, byte[]> connection;

		private final AsyncProxyManager<String> buckets;

		InRedis(String redisUri) {
			this.client = RedisClient.create(redisUri);
			this.connection = this.client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
			this.buckets = Bucket4jLettuce.casBasedBuilder(this.connection)
				.expirationAfterWrite(
						ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
				.build()
				.asAsync();
		}

		@Override
		public Mono<Long> take(String key, long perSecond) {
			return Mono
				.fromFuture(() -> this.buckets
					.getProxy("dvc-rate:" + key, () -> CompletableFuture.completedFuture(perSecond(perSecond)))
					.tryConsumeAndReturnRemaining(1))
				.map(BucketStore::waitOf);
		}

		@Override
		public void close() {
			this.connection.close();
			this.client.shutdown();
		}

	}

}
