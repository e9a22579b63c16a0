package vn.dvcpulse.aggregator.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Totals per rollup key of one partition's milestones, published as that partition's part of the total
 * ({@link RollupKey#part}). Counts and sketches add up across partitions, so each partition keeps its own and the
 * reader sums the parts: no milestone crosses a repartition topic, which was most of the cost of counting (every
 * milestone written and read again four times, as JSON, under exactly-once).
 * <p>
 * A key changed by many milestones is published once per {@link #PUBLISH_INTERVAL}, not once per milestone. Which
 * keys await publishing is kept in a logged store beside the totals, so it commits with them: after a crash, a total
 * restored from its changelog is still published.
 *
 * @param <I> what arrives
 * @param <T> the total
 */
final class PartitionTotals<I, T> implements Processor<String, I, String, T> {

	/** How often changed totals are published: a figure reaches queries within this and a commit interval. */
	static final Duration PUBLISH_INTERVAL = Duration.ofMillis(100);

	private static final byte[] MARK = new byte[0];

	private final Definition<I, T> definition;

	private ProcessorContext<String, T> context;

	private KeyValueStore<String, T> totals;

	private KeyValueStore<String, byte[]> unpublished;

	private int partition;

	PartitionTotals(Definition<I, T> definition) {
		this.definition = definition;
	}

	@Override
	public void init(ProcessorContext<String, T> context) {
		this.context = context;
		this.totals = context.getStateStore(this.definition.name());
		this.unpublished = context.getStateStore(this.definition.unpublishedName());
		this.partition = context.taskId().partition();
		context.schedule(PUBLISH_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::publish);
	}

	@Override
	public void process(Record<String, I> record) {
		for (String key : this.definition.keysOf().apply(record.value())) {
			T total = this.totals.get(key);
			this.totals.put(key,
					this.definition.plus().apply((total != null) ? total : this.definition.none().get(), record.value()));
			this.unpublished.put(key, MARK);
		}
	}

	private void publish(long now) {
		List<String> published = new ArrayList<>();
		try (KeyValueIterator<String, byte[]> changed = this.unpublished.all()) {
			while (changed.hasNext()) {
				String key = changed.next().key;
				this.context.forward(new Record<>(RollupKey.part(key, this.partition), this.totals.get(key), now));
				published.add(key);
			}
		}
		published.forEach(this.unpublished::delete);
	}

	/**
	 * The changelog of the set of keys awaiting publication, a set emptied every interval: compacted within minutes
	 * and its tombstones dropped a minute later, so that a start restores the keys in flight, not every put and delete
	 * since the beginning. An in-memory store is restored from its changelog's start at every start; with Kafka's
	 * defaults (a segment is compacted once rolled, after a week or a gigabyte) a local stack restored 13.6 million
	 * records, 9 of its 30 seconds of start-up, after a day of benchmarks, and it grew with every event. Applied when
	 * Kafka Streams creates the topic; an existing one is changed once by hand (README, Operations).
	 */
	static final Map<String, String> UNPUBLISHED_CHANGELOG = Map.of(TopicConfig.SEGMENT_MS_CONFIG, "60000",
			TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1", TopicConfig.DELETE_RETENTION_MS_CONFIG, "60000");

	/**
	 * One kind of total.
	 *
	 * @param name   the store of the totals
	 * @param serde  how a total is stored
	 * @param keysOf the rollup keys an arrival adds to
	 * @param none   the total of nothing
	 * @param plus   a total with an arrival added; may reuse the total given
	 */
	record Definition<I, T>(String name, Serde<T> serde, Function<I, List<String>> keysOf, Supplier<T> none,
			BiFunction<T, I, T> plus) {

		String unpublishedName() {
			return this.name + "-unpublished";
		}

		/** Both stores, cached so that a key changed many times within a commit is written to its changelog once. */
		List<StoreBuilder<?>> stores() {
			return List.of(
					Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(this.name), Serdes.String(), this.serde)
						.withCachingEnabled(),
					// in memory (restored from its changelog): a set that is emptied every interval would leave a
					// RocksDB store full of tombstones to scan
					Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(unpublishedName()), Serdes.String(),
							Serdes.ByteArray())
						.withCachingEnabled()
						.withLoggingEnabled(UNPUBLISHED_CHANGELOG));
		}

		String[] storeNames() {
			return new String[] { this.name, unpublishedName() };
		}

	}

}
