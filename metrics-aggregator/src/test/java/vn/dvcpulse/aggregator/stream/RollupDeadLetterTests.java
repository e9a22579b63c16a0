package vn.dvcpulse.aggregator.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Properties;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.dvcpulse.aggregator.Milestones;
import vn.dvcpulse.aggregator.domain.Granularity;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.event.Channel;
import vn.dvcpulse.contract.event.OnlineLevel;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;
import vn.dvcpulse.testsupport.TestDeadLetters;

import static org.assertj.core.api.Assertions.assertThat;

/** No milestone stops the rollups: what cannot be read or counted is a dead letter, and counting goes on. */
class RollupDeadLetterTests {

	private static final OffsetDateTime NOW = OffsetDateTime.parse("2025-08-04T12:00:00+07:00");

	private final TestDeadLetters deadLetters = new TestDeadLetters();

	private TopologyTestDriver driver;

	private TestInputTopic<byte[], byte[]> raw;

	private TestInputTopic<String, ApplicationMilestone> milestones;

	private MergedRollups merged;

	@BeforeEach
	void startTopology() {
		StreamsBuilder builder = new StreamsBuilder();
		this.merged = RollupTopology.build(builder, "rollup-dead-letter-tests", (milestone, acknowledgedAt) -> {
		});
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "rollup-dead-letter-tests");
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		config.putAll(this.deadLetters.handlers());
		this.driver = new TopologyTestDriver(builder.build(), config, NOW.toInstant());
		this.raw = this.driver.createInputTopic(Topics.MILESTONES.name(), new ByteArraySerializer(),
				new ByteArraySerializer());
		this.milestones = this.driver.createInputTopic(Topics.MILESTONES.name(),
				Topics.MILESTONES.keySerde().serializer(), Topics.MILESTONES.valueSerde().serializer());
	}

	@AfterEach
	void closeTopology() {
		this.driver.close();
	}

	@Test
	void poisonOversizedAndOutOfEraMilestones_areDeadLetters_andTheNextReceiptIsCounted() {
		this.raw.pipeInput(utf8("01/X"), utf8("{\"type\":"));
		this.raw.pipeInput(utf8("01/Y"), utf8("{\"type\":\"RECEIVED\",\"applicationId\":\"" + "y".repeat(70_000) + "\"}"));
		ApplicationMilestone farFuture = ApplicationMilestone.received("01", "P06-03", "Z",
				Instant.parse("2025-08-04T02:00:00Z"), Channel.ONLINE, OnlineLevel.FULL, "Z-s", null,
				Instant.parse("+300000000-01-01T00:00:00Z"));
		this.milestones.pipeInput(Milestones.key(farFuture), farFuture);

		ApplicationMilestone valid = Milestones.received("01", "P06-03", "A", "2025-08-04T09:00:00+07:00",
				Channel.ONLINE);
		this.milestones.pipeInput(Milestones.key(valid), valid);

		assertThat(this.deadLetters.written()).hasSize(3)
			.allSatisfy((letter) -> assertThat(TestDeadLetters.header(letter, "kafka_dlt-original-topic"))
				.isEqualTo(Topics.MILESTONES.name()));
		assertThat(this.deadLetters.written()).extracting(TestDeadLetters::offset).containsExactly(0L, 1L, 2L);
		assertThat(this.deadLetters.counted("deserialization")).isEqualTo(2.0);
		assertThat(this.deadLetters.counted("processing")).isEqualTo(1.0);
		// the out-of-era receipt is not half counted: only the valid one is
		assertThat(this.merged.between(Granularity.MONTH, "2025-08", "2025-08"))
			.extracting((entry) -> entry.counts().received())
			.containsExactly(1L);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
