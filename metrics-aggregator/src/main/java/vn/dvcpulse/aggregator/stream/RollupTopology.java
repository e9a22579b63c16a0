package vn.dvcpulse.aggregator.stream;

import java.util.Arrays;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.dvcpulse.aggregator.domain.Counts;
import vn.dvcpulse.aggregator.domain.DistinctCitizens;
import vn.dvcpulse.aggregator.domain.Granularity;
import vn.dvcpulse.aggregator.observe.Arrivals;
import vn.dvcpulse.contract.JsonSerdes;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;
import vn.dvcpulse.contract.milestone.MilestoneType;

/**
 * milestones → counts per locality (as recorded), service and period of receipt, at every granularity at once, so
 * a month, quarter or year is read as one entry, never summed from days at query time. Every milestone is already
 * unique per application and type, so under exactly-once processing each counts once.
 */
@Configuration(proxyBeanMethods = false)
public class RollupTopology {

	/** Told of every milestone as it arrives, with its record's timestamp (when Kafka acknowledged its event). */
	@FunctionalInterface
	public interface ArrivalListener {

		void arrived(ApplicationMilestone milestone, long acknowledgedAt);

	}

	public static final String ROLLUPS = "rollups";

	/** Distinct applicants per locality and month, quarter and year (days would cost 4 KB each for little use). */
	public static final String DISTINCT_CITIZENS = "distinct-citizens";

	static final List<Granularity> CITIZEN_PERIODS = List.of(Granularity.MONTH, Granularity.QUARTER,
			Granularity.YEAR);

	@Bean
	KTable<String, Counts> rollupTable(StreamsBuilder builder, Arrivals arrivals) {
		return build(builder, arrivals::arrived);
	}

	/** The topology on its own, for the application and for {@code TopologyTestDriver} alike. */
	public static KTable<String, Counts> build(StreamsBuilder builder, ArrivalListener arrivals) {
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
		arrived.filter((key, milestone) -> milestone.type() == MilestoneType.RECEIVED && !milestone.isRetraction()
				&& milestone.citizenRef() != null, Named.as("receipts-with-citizen"))
			.flatMap((key, milestone) -> CITIZEN_PERIODS.stream()
				.map((granularity) -> KeyValue.pair(RollupKey.ofCitizens(granularity,
						granularity.periodOf(milestone.receiptDay()), milestone.localityCode()), milestone))
				.toList(), Named.as("citizens-to-every-period"))
			.groupByKey(Grouped.with("by-citizen-period", Serdes.String(), Topics.MILESTONES.valueSerde()))
			.aggregate(DistinctCitizens::none,
					(key, milestone, sketch) -> DistinctCitizens.plus(sketch, milestone.citizenRef()),
					Named.as("count-distinct-citizens"),
					Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(DISTINCT_CITIZENS)
						.withKeySerde(Serdes.String())
						.withValueSerde(Serdes.ByteArray()));
		return arrived
			.flatMap((key, milestone) -> Arrays.stream(Granularity.values())
				.map((granularity) -> KeyValue.pair(RollupKey.of(granularity,
						granularity.periodOf(milestone.receiptDay()), milestone.localityCode(),
						milestone.serviceCode()), milestone))
				.toList(), Named.as("to-every-period"))
			.groupByKey(Grouped.with("by-rollup", Serdes.String(), Topics.MILESTONES.valueSerde()))
			.aggregate(() -> Counts.NONE, (key, milestone, counts) -> counts.plus(milestone), Named.as("count"),
					Materialized.<String, Counts, KeyValueStore<Bytes, byte[]>>as(ROLLUPS)
						.withKeySerde(Serdes.String())
						.withValueSerde(JsonSerdes.of(Counts.class)));
	}

}
