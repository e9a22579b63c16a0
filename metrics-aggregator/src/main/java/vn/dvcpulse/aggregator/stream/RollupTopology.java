package vn.dvcpulse.aggregator.stream;

import java.util.Arrays;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.dvcpulse.aggregator.domain.DistinctCitizens;
import vn.dvcpulse.aggregator.domain.Granularity;
import vn.dvcpulse.aggregator.observe.Arrivals;
import vn.dvcpulse.contract.Topic;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;
import vn.dvcpulse.contract.milestone.MilestoneType;
import vn.dvcpulse.contract.rollup.Counts;

/**
 * milestones → counts per locality (as recorded), service and period of receipt, at every granularity at once, so
 * a month, quarter or year is read as one entry, never summed from days at query time. Every milestone is already
 * unique per application and type, so under exactly-once processing each counts once. The one count that moves with
 * the clock, applications overdue in progress, is kept by {@link OverdueWatch} on the way.
 * <p>
 * Each partition's milestones are counted where they arrive and published as that partition's part of each total
 * ({@link PartitionTotals}) to {@link Topics#ROLLUPS}, and the sketches to {@link Topics#DISTINCT_CITIZENS}; every
 * instance reads both topics whole as global tables and adds the parts up ({@link MergedRollups}, {@link Rollups}),
 * so any instance answers any query, with no routing between instances. A figure becomes visible once published
 * ({@link PartitionTotals#PUBLISH_INTERVAL}), committed ({@code commit.interval.ms}) and read by the global table.
 */
@Configuration(proxyBeanMethods = false)
public class RollupTopology {

	/** Told of every milestone as it arrives, with its record's timestamp (when Kafka acknowledged its event). */
	@FunctionalInterface
	public interface ArrivalListener {

		void arrived(ApplicationMilestone milestone, long acknowledgedAt);

	}

	/** The global table of every instance's counts: what queries read. */
	public static final String ROLLUPS = "rollups";

	/** This instance's counts, of its partitions only. */
	static final String COUNTING = "rollup-counting";

	/** The global table of distinct applicants per locality and month, quarter and year (not days: 4 KB each). */
	public static final String DISTINCT_CITIZENS = "distinct-citizens";

	/** This instance's distinct-applicant sketches, of its partitions only. */
	static final String CITIZEN_COUNTING = "distinct-citizen-counting";

	static final List<Granularity> CITIZEN_PERIODS = List.of(Granularity.MONTH, Granularity.QUARTER,
			Granularity.YEAR);

	/** The topology, and the merged view of its global tables that queries read. */
	@Bean
	MergedRollups mergedRollups(StreamsBuilder builder, Arrivals arrivals) {
		return build(builder, arrivals::arrived);
	}

	/** The topology on its own, for the application and for {@code TopologyTestDriver} alike. */
	public static MergedRollups build(StreamsBuilder builder, ArrivalListener arrivals) {
		MergedRollups merged = new MergedRollups();
		KStream<String, ApplicationMilestone> arrived = builder
			.stream(Topics.MILESTONES.name(),
					Consumed.with(Topics.MILESTONES.keySerde(), Topics.MILESTONES.valueSerde())
						.withName("milestones"))
			.processValues(() -> new FixedKeyProcessor<String, ApplicationMilestone, ApplicationMilestone>() {

				private FixedKeyProcessorContext<String, ApplicationMilestone> context;

				@Override
				public void init(FixedKeyProcessorContext<String, ApplicationMilestone> context) {
					this.context = context;
				}

				@Override
				public void process(FixedKeyRecord<String, ApplicationMilestone> record) {
					arrivals.arrived(record.value(), record.timestamp());
					this.context.forward(record);
				}

			}, Named.as("note-arrival"));
		PartitionTotals.Definition<ApplicationMilestone, byte[]> sketches = new PartitionTotals.Definition<>(
				CITIZEN_COUNTING, Serdes.ByteArray(),
				(receipt) -> CITIZEN_PERIODS.stream()
					.map((granularity) -> RollupKey.ofCitizens(granularity,
							granularity.periodOf(receipt.receiptDay()), receipt.localityCode()))
					.toList(),
				DistinctCitizens::none, (sketch, receipt) -> DistinctCitizens.plus(sketch, receipt.citizenRef()));
		sketches.stores().forEach(builder::addStateStore);
		arrived
			.filter((key, milestone) -> milestone.type() == MilestoneType.RECEIVED && !milestone.isRetraction()
					&& milestone.citizenRef() != null, Named.as("receipts-with-citizen"))
			.process(() -> new PartitionTotals<>(sketches), Named.as("count-distinct-citizens"),
					sketches.storeNames())
			.to(Topics.DISTINCT_CITIZENS.name(), produced(Topics.DISTINCT_CITIZENS));
		builder.addGlobalStore(globalStore(DISTINCT_CITIZENS, Topics.DISTINCT_CITIZENS),
				Topics.DISTINCT_CITIZENS.name(), consumed(Topics.DISTINCT_CITIZENS),
				() -> merged.sketching(DISTINCT_CITIZENS));
		PartitionTotals.Definition<Contribution, Counts> counts = new PartitionTotals.Definition<>(COUNTING,
				Topics.ROLLUPS.valueSerde(),
				(contribution) -> Arrays.stream(Granularity.values())
					.map((granularity) -> RollupKey.of(granularity, granularity.periodOf(contribution.receiptDay()),
							contribution.localityCode(), contribution.serviceCode()))
					.toList(),
				() -> Counts.NONE, (total, contribution) -> total.add(contribution.counts()));
		counts.stores().forEach(builder::addStateStore);
		builder.addStateStore(OverdueWatch.applicationsStore());
		builder.addStateStore(OverdueWatch.dueIndexStore());
		arrived.process(OverdueWatch::new, Named.as("watch-overdue"), OverdueWatch.APPLICATIONS, OverdueWatch.DUE_INDEX)
			.process(() -> new PartitionTotals<>(counts), Named.as("count"), counts.storeNames())
			.to(Topics.ROLLUPS.name(), produced(Topics.ROLLUPS));
		builder.addGlobalStore(globalStore(ROLLUPS, Topics.ROLLUPS), Topics.ROLLUPS.name(), consumed(Topics.ROLLUPS),
				() -> merged.counting(ROLLUPS));
		return merged;
	}

	/** A global table's store: the topic is its changelog. */
	private static <V> StoreBuilder<KeyValueStore<String, V>> globalStore(String name, Topic<String, V> topic) {
		return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), topic.keySerde(), topic.valueSerde())
			.withLoggingDisabled();
	}

	private static <K, V> Produced<K, V> produced(Topic<K, V> topic) {
		return Produced.with(topic.keySerde(), topic.valueSerde());
	}

	private static <K, V> Consumed<K, V> consumed(Topic<K, V> topic) {
		return Consumed.with(topic.keySerde(), topic.valueSerde());
	}

}
