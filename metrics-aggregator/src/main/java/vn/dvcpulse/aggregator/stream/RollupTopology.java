package vn.dvcpulse.aggregator.stream;

import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;

import vn.dvcpulse.aggregator.domain.Counts;
import vn.dvcpulse.aggregator.domain.CountsSerde;
import vn.dvcpulse.aggregator.domain.DistinctCitizens;
import vn.dvcpulse.aggregator.domain.Granularity;
import vn.dvcpulse.aggregator.observe.Arrivals;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;
import vn.dvcpulse.contract.milestone.MilestoneType;

/**
 * milestones → counts per locality (as recorded), service and period of receipt, by day and by month, with quarters
 * and years added up from months as they change, so a month, quarter or year is read as one entry, never summed from
 * days at query time. Every milestone is already unique per application and type, so under exactly-once processing
 * each counts once. The one count that moves with the clock, applications overdue in progress, is kept by
 * {@link OverdueWatch} on the way.
 * <p>
 * Each partition's milestones are counted where they arrive, and its totals' changelogs are its part of each total
 * and each sketch ({@link PartitionTotals}); every instance reads both changelogs whole as global tables and adds the
 * parts up ({@link MergedRollups}, {@link Rollups}), so any instance answers any query, with no routing between
 * instances. A figure becomes visible once committed ({@code commit.interval.ms}) and read by the global table.
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

	/**
	 * Counts per locality, service and day and month; quarters and years are added up from months by the merged
	 * view ({@link MergedRollups}).
	 */
	static final PartitionTotals.Definition<Contribution, Counts> COUNTS = new PartitionTotals.Definition<>(COUNTING,
			new CountsSerde(),
			(contribution) -> List.of(
					RollupKey.of(Granularity.DAY, Granularity.DAY.periodOf(contribution.receiptDay()),
							contribution.localityCode(), contribution.serviceCode()),
					RollupKey.of(MergedRollups.COUNTED, MergedRollups.COUNTED.periodOf(contribution.receiptDay()),
							contribution.localityCode(), contribution.serviceCode())),
			() -> Counts.NONE, (total, contribution) -> total.add(contribution.counts()));

	/**
	 * Distinct applicants per locality and month; the sketches of the other {@link #CITIZEN_PERIODS} are unions of
	 * months', made by the merged view.
	 */
	static final PartitionTotals.Definition<ApplicationMilestone, byte[]> SKETCHES = new PartitionTotals.Definition<>(
			CITIZEN_COUNTING, Serdes.ByteArray(),
			(receipt) -> List.of(RollupKey.ofCitizens(MergedRollups.COUNTED,
					MergedRollups.COUNTED.periodOf(receipt.receiptDay()), receipt.localityCode())),
			DistinctCitizens::none, (sketch, receipt) -> DistinctCitizens.plus(sketch, receipt.citizenRef()));

	/** The topology, and the merged view of its global tables that queries read. */
	@Bean
	MergedRollups mergedRollups(StreamsBuilder builder, KafkaStreamsConfiguration streams, Arrivals arrivals) {
		return build(builder, applicationId(streams), arrivals::arrived);
	}

	public static String applicationId(KafkaStreamsConfiguration streams) {
		return streams.asProperties().getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
	}

	/**
	 * The topics that publish each partition's totals to every instance, under an application id: the totals'
	 * changelogs, declared for {@code KafkaAdmin} to create before the streams client starts (see
	 * {@link PartitionTotals.Definition#changelogTopic}).
	 */
	public static List<NewTopic> changelogs(String applicationId) {
		return List.of(COUNTS.changelogTopic(applicationId), SKETCHES.changelogTopic(applicationId));
	}

	/** The topology on its own, for the application and for {@code TopologyTestDriver} alike. */
	public static MergedRollups build(StreamsBuilder builder, String applicationId, ArrivalListener arrivals) {
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
					// before anything counts it: a dead letter, never half counted (the door refuses such times)
					if (record.value() != null && !record.value().inEra()) {
						throw new IllegalArgumentException("A milestone with a time outside the era: " + record.key());
					}
					arrivals.arrived(record.value(), record.timestamp());
					this.context.forward(record);
				}

			}, Named.as("note-arrival"));
		builder.addStateStore(SKETCHES.store());
		arrived
			.filter((key, milestone) -> milestone.type() == MilestoneType.RECEIVED && !milestone.isRetraction()
					&& milestone.citizenRef() != null, Named.as("receipts-with-citizen"))
			.process(() -> new PartitionTotals<>(SKETCHES), Named.as("count-distinct-citizens"), SKETCHES.name());
		builder.addGlobalStore(globalStore(DISTINCT_CITIZENS, SKETCHES.serde()), SKETCHES.changelog(applicationId),
				Consumed.with(Serdes.String(), SKETCHES.serde()), () -> merged.sketching(DISTINCT_CITIZENS));
		builder.addStateStore(COUNTS.store());
		builder.addStateStore(OverdueWatch.applicationsStore());
		builder.addStateStore(OverdueWatch.dueIndexStore());
		arrived.process(OverdueWatch::new, Named.as("watch-overdue"), OverdueWatch.APPLICATIONS, OverdueWatch.DUE_INDEX)
			.process(() -> new PartitionTotals<>(COUNTS), Named.as("count"), COUNTS.name());
		builder.addGlobalStore(globalStore(ROLLUPS, COUNTS.serde()), COUNTS.changelog(applicationId),
				Consumed.with(Serdes.String(), COUNTS.serde()), () -> merged.counting(ROLLUPS));
		return merged;
	}

	/** A global table's store: the topic it reads is its changelog. */
	private static <V> StoreBuilder<KeyValueStore<String, V>> globalStore(String name, Serde<V> serde) {
		return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), serde)
			.withLoggingDisabled();
	}

}
