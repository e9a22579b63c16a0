package vn.dvcpulse.tracker.stream;

import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.dvcpulse.contract.ApplicationKey;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.event.Channel;
import vn.dvcpulse.contract.event.EventType;
import vn.dvcpulse.contract.event.OnlineLevel;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;
import vn.dvcpulse.contract.milestone.MilestoneType;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleTopologyTests {

	private TopologyTestDriver driver;

	private TestInputTopic<String, ApplicationEvent> submissions;

	private TestOutputTopic<String, ApplicationMilestone> milestones;

	@BeforeEach
	void startTopology() {
		StreamsBuilder builder = new StreamsBuilder();
		LifecycleTopology.build(builder);
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "lifecycle-tests");
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		this.driver = new TopologyTestDriver(builder.build(), config);
		this.submissions = this.driver.createInputTopic(Topics.SUBMISSIONS.name(),
				Topics.SUBMISSIONS.keySerde().serializer(), Topics.SUBMISSIONS.valueSerde().serializer());
		this.milestones = this.driver.createOutputTopic(Topics.MILESTONES.name(),
				Topics.MILESTONES.keySerde().deserializer(), Topics.MILESTONES.valueSerde().deserializer());
	}

	@AfterEach
	void closeTopology() {
		this.driver.close();
	}

	@Test
	void firstSubmitted_isReceivedOnce_withItsChannelLevelAndVietnameseDay() {
		// 23:30 UTC on 28 Feb is already 1 March in Viet Nam
		post(submitted("e-1", "A-1", "01", Channel.ONLINE, OnlineLevel.FULL, "2025-02-28T23:30:00Z"));

		List<ApplicationMilestone> received = this.milestones.readValuesToList();
		assertThat(received).singleElement().satisfies((milestone) -> {
			assertThat(milestone.type()).isEqualTo(MilestoneType.RECEIVED);
			assertThat(milestone.localityCode()).isEqualTo("01");
			assertThat(milestone.applicationId()).isEqualTo("A-1");
			assertThat(milestone.channel()).isEqualTo(Channel.ONLINE);
			assertThat(milestone.onlineLevel()).isEqualTo(OnlineLevel.FULL);
			assertThat(milestone.receiptDay()).isEqualTo(LocalDate.of(2025, 3, 1));
			assertThat(milestone.sourceEventId()).isEqualTo("e-1");
		});
	}

	@Test
	void repostedEvent_changesNothing() {
		ApplicationEvent event = submitted("e-1", "A-1", "01", Channel.IN_PERSON, null, "2025-03-01T08:00:00+07:00");
		post(event);
		post(event);

		assertThat(this.milestones.readValuesToList()).hasSize(1);
	}

	@Test
	void secondDifferentSubmitted_forTheSameApplication_changesNothing() {
		post(submitted("e-1", "A-1", "01", Channel.IN_PERSON, null, "2025-03-01T08:00:00+07:00"));
		post(submitted("e-2", "A-1", "01", Channel.ONLINE, OnlineLevel.PARTIAL, "2025-03-01T09:00:00+07:00"));

		assertThat(this.milestones.readValuesToList()).singleElement()
			.satisfies((milestone) -> assertThat(milestone.channel()).isEqualTo(Channel.IN_PERSON));
	}

	@Test
	void sameApplicationId_inTwoLocalities_areTwoApplications() {
		post(submitted("e-1", "A-1", "01", Channel.ONLINE, OnlineLevel.FULL, "2025-03-01T08:00:00+07:00"));
		post(submitted("e-2", "A-1", "79", Channel.ONLINE, OnlineLevel.FULL, "2025-03-01T08:00:00+07:00"));

		assertThat(this.milestones.readValuesToList()).extracting(ApplicationMilestone::localityCode)
			.containsExactly("01", "79");
	}

	@Test
	void eventsOtherThanSubmitted_receiveNothing() {
		post(new ApplicationEvent("e-9", EventType.RATED, "A-1", "01", "P06-03",
				OffsetDateTime.parse("2025-03-02T08:00:00+07:00"), null, null, null, null, null, null, null, null,
				null, null, 5, null));

		assertThat(this.milestones.isEmpty()).isTrue();
	}

	private void post(ApplicationEvent event) {
		this.submissions.pipeInput(ApplicationKey.of(event.localityCode(), event.applicationId()), event);
	}

	static ApplicationEvent submitted(String eventId, String applicationId, String locality, Channel channel,
			OnlineLevel level, String occurredAt) {
		OffsetDateTime at = OffsetDateTime.parse(occurredAt);
		return ApplicationEvent.submitted(eventId, applicationId, locality, "P06-03", at, channel, level,
				at.plusDays(5));
	}

}
