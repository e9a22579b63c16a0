package vn.dvcpulse.aggregator.stream;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.dvcpulse.aggregator.domain.ReceiptCounts;
import vn.dvcpulse.contract.JsonSerdes;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;
import vn.dvcpulse.contract.milestone.MilestoneType;

/**
 * milestones → receipts per locality (as recorded) and channel. Every RECEIVED milestone is already unique per
 * application, so counting them under exactly-once processing counts each application once.
 */
@Configuration(proxyBeanMethods = false)
public class ReceiptTopology {

	public static final String RECEIPTS_BY_LOCALITY = "receipts-by-locality";

	@Bean
	KTable<String, ReceiptCounts> receiptsByLocality(StreamsBuilder builder) {
		return build(builder);
	}

	public static KTable<String, ReceiptCounts> build(StreamsBuilder builder) {
		return builder
			.stream(Topics.MILESTONES.name(),
					Consumed.with(Topics.MILESTONES.keySerde(), Topics.MILESTONES.valueSerde())
						.withName("milestones"))
			.filter((key, milestone) -> milestone.type() == MilestoneType.RECEIVED, Named.as("receipts"))
			.groupBy((key, milestone) -> milestone.localityCode(),
					Grouped.with("receipts-by-locality", Serdes.String(), Topics.MILESTONES.valueSerde()))
			.aggregate(ReceiptCounts::none, (locality, milestone, counts) -> counts.plus(milestone.channel()),
					Named.as("count-receipts"),
					Materialized.<String, ReceiptCounts, KeyValueStore<Bytes, byte[]>>as(RECEIPTS_BY_LOCALITY)
						.withKeySerde(Serdes.String())
						.withValueSerde(JsonSerdes.of(ReceiptCounts.class)));
	}

}
