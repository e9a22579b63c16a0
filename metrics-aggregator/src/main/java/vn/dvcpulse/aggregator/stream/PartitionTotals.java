package vn.dvcpulse.aggregator.stream;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.springframework.kafka.config.TopicBuilder;

import vn.dvcpulse.contract.Topics;

/**
 * Totals per rollup key of one partition's milestones. Counts and sketches add up across partitions, so each
 * partition keeps its own and the reader sums the parts: no milestone crosses a repartition topic, which was most of
 * the cost of counting (every milestone written and read again four times, as JSON, under exactly-once).
 * <p>
 * The totals' changelog is what every instance reads as the partitions' parts ({@link Definition#changelog}): its
 * partition {@code p} holds partition {@code p}'s totals, written by the commit that changed them, under
 * exactly-once. The record cache in front of the store writes a key changed by many milestones within a commit once.
 * Publishing the parts to a topic of their own instead, from a logged set of changed keys, wrote each change four
 * times (the totals' changelog, the set's put and tombstone, the part) and cost the stream thread half its time.
 *
 * @param <I> what arrives
 * @param <T> the total
 */
final class PartitionTotals<I, T> implements Processor<String, I, Void, Void> {

	private final Definition<I, T> definition;

	private KeyValueStore<String, T> totals;

	PartitionTotals(Definition<I, T> definition) {
		this.definition = definition;
	}

	@Override
	public void init(ProcessorContext<Void, Void> context) {
		this.totals = context.getStateStore(this.definition.name());
	}

	@Override
	public void process(Record<String, I> record) {
		for (String key : this.definition.keysOf().apply(record.value())) {
			T total = this.totals.get(key);
			this.totals.put(key,
					this.definition.plus().apply((total != null) ? total : this.definition.none().get(), record.value()));
		}
	}

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

		/**
		 * The store, logged (Kafka Streams' default: its changelog is what is read), and cached so that a key changed
		 * many times within a commit is written to its changelog once.
		 */
		StoreBuilder<KeyValueStore<String, T>> store() {
			return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(this.name), Serdes.String(), this.serde)
				.withCachingEnabled();
		}

		/**
		 * The totals' changelog: Kafka Streams names a store's changelog {@code <application id>-<store>-changelog}
		 * and gives it a partition per partition of the input.
		 */
		String changelog(String applicationId) {
			return applicationId + "-" + this.name + "-changelog";
		}

		/**
		 * The changelog declared as Kafka Streams would create it, for {@code KafkaAdmin} to create before the streams
		 * client starts: the global tables that read it must find its partitions at start, and Kafka Streams creates
		 * its internal topics only later, at the first rebalance.
		 */
		NewTopic changelogTopic(String applicationId) {
			return TopicBuilder.name(changelog(applicationId))
				.partitions(Topics.MILESTONES.partitions())
				.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
				.build();
		}

	}

}
