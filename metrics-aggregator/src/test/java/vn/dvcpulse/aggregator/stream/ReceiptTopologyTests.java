package vn.dvcpulse.aggregator.stream;

import java.time.Instant;
import java.util.Properties;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.dvcpulse.aggregator.domain.ReceiptCounts;
import vn.dvcpulse.contract.ApplicationKey;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.event.Channel;
import vn.dvcpulse.contract.event.OnlineLevel;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptTopologyTests {

	private TopologyTestDriver driver;

	private TestInputTopic<String, ApplicationMilestone> milestones;

	@BeforeEach
	void startTopology() {
		StreamsBuilder builder = new StreamsBuilder();
		ReceiptTopology.build(builder);
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "receipt-tests");
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		this.driver = new TopologyTestDriver(builder.build(), config);
		this.milestones = this.driver.createInputTopic(Topics.MILESTONES.name(),
				Topics.MILESTONES.keySerde().serializer(), Topics.MILESTONES.valueSerde().serializer());
	}

	@AfterEach
	void closeTopology() {
		this.driver.close();
	}

	@Test
	void receipts_areCountedPerLocalityAndChannel() {
		receive("01", "A-1", Channel.ONLINE);
		receive("01", "A-2", Channel.ONLINE);
		receive("01", "A-3", Channel.IN_PERSON);
		receive("79", "B-1", Channel.POSTAL);

		KeyValueStore<String, ReceiptCounts> store = this.driver.getKeyValueStore(ReceiptTopology.RECEIPTS_BY_LOCALITY);
		assertThat(store.get("01")).isEqualTo(new ReceiptCounts(2, 1, 0));
		assertThat(store.get("01").onlineRate().value()).isEqualByComparingTo("0.6667");
		assertThat(store.get("79")).isEqualTo(new ReceiptCounts(0, 0, 1));
		assertThat(store.get("79").onlineRate().value()).isEqualByComparingTo("0");
	}

	private void receive(String locality, String applicationId, Channel channel) {
		Instant at = Instant.parse("2025-03-01T01:00:00Z");
		this.milestones.pipeInput(ApplicationKey.of(locality, applicationId),
				ApplicationMilestone.received(locality, "P06-03", applicationId, at, channel,
						channel.isOnline() ? OnlineLevel.FULL : null, applicationId + "-s", null));
	}

}
