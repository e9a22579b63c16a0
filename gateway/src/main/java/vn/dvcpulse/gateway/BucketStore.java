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
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
	 * left alone expires once it would be full again. Redis costs a request at most {@link #TIMEOUT}: when it is
	 * slow, down or was never reached, this instance's own buckets answer instead, each time logged and counted
	 * ({@code dvc.gateway.rate.limit.fallbacks}), and Redis is tried again for the next request.
	 */
	final class InRedis implements BucketStore {

		static final Duration TIMEOUT = Duration.ofMillis(50);

		private static final Logger log = LoggerFactory.getLogger(InRedis.class);

		private final RedisClient client;

		private final InMemory local = new InMemory();

		private final Counter fallbacks;

		private volatile StatefulRedisConnection<String, byte[]> connection;

		private volatile AsyncProxyManager<String> buckets;

		private final RedisURI uri;

		private volatile long nextConnectNanos;

		private volatile boolean connecting;

		InRedis(String redisUri, MeterRegistry meters) {
			this.uri = RedisURI.create(redisUri);
			this.client = RedisClient.create();
			this.client.setOptions(ClientOptions.builder()
				.timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
				.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
				.build());
			this.fallbacks = Counter.builder("dvc.gateway.rate.limit.fallbacks")
				.description("Rate limit checks answered by this instance's own buckets because Redis did not answer")
				.register(meters);
			connect();
		}

		/** Starts connecting, unless connected, connecting, or tried less than a second ago; never blocks. */
		private void connect() {
			synchronized (this) {
				if (this.buckets != null || this.connecting || System.nanoTime() < this.nextConnectNanos) {
					return;
				}
				this.connecting = true;
				this.nextConnectNanos = System.nanoTime() + REFILL.toNanos();
			}
			this.client.connectAsync(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), this.uri)
				.whenComplete((connection, failure) -> {
					if (failure == null) {
						this.connection = connection;
						this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
							.expirationAfterWrite(ExpirationAfterWriteStrategy
								.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
							.build()
							.asAsync();
					}
					else {
						log.warn("Redis for the rate limits is not reachable ({}); this instance's buckets answer",
								failure.toString());
					}
					this.connecting = false;
				});
		}

		@Override
		public Mono<Long> take(String key, long perSecond) {
			AsyncProxyManager<String> shared = this.buckets;
			if (shared == null) {
				connect();
				return fallBack(key, perSecond, null);
			}
			return Mono
				.fromFuture(() -> shared
					.getProxy("dvc-rate:" + key, () -> CompletableFuture.completedFuture(perSecond(perSecond)))
					.tryConsumeAndReturnRemaining(1))
				.map(BucketStore::waitOf)
				.timeout(TIMEOUT)
				.onErrorResume((ex) -> fallBack(key, perSecond, ex));
		}

		private Mono<Long> fallBack(String key, long perSecond, Throwable cause) {
			this.fallbacks.increment();
			if (cause != null) {
				log.warn("Redis did not answer a rate limit check within {} ({}); this instance's bucket answers",
						TIMEOUT, cause.toString());
			}
			return this.local.take(key, perSecond);
		}

		@Override
		public void close() {
			if (this.connection != null) {
				this.connection.close();
			}
			this.client.shutdown();
		}

	}

}
