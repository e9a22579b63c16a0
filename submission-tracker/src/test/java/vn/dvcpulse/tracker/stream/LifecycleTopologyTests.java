package vn.dvcpulse.tracker.stream;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Properties;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.dvcpulse.contract.ApplicationKey;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.event.Channel;
import vn.dvcpulse.contract.event.OnlineLevel;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;
import vn.dvcpulse.contract.milestone.MilestoneType;
import vn.dvcpulse.contract.rejection.Rejection;
import vn.dvcpulse.contract.rejection.RejectionReason;
import vn.dvcpulse.tracker.domain.ApplicationEvents;
import vn.dvcpulse.tracker.domain.ApplicationState;
import vn.dvcpulse.tracker.domain.Disposition;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dvcpulse.tracker.domain.ApplicationEvents.completed;
import static vn.dvcpulse.tracker.domain.ApplicationEvents.rated;
import static vn.dvcpulse.tracker.domain.ApplicationEvents.withdrawn;

/** The lifecycle topology on its own: submissions in, milestones and rejections out, state kept per application. */
class LifecycleTopologyTests {

	private TopologyTestDriver driver;

	private TestInputTopic<String, ApplicationEvent> submissions;

	private TestOutputTopic<String, ApplicationMilestone> milestones;

	private TestOutputTopic<String, Rejection> rejections;

	private final RunningApplicationStores running = new RunningApplicationStores();

	@BeforeEach
	void startTopology() {
		StreamsBuilder builder = new StreamsBuilder();
		LifecycleTopology.build(builder, this.running, (rejection) -> {
		});
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "lifecycle-tests");
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		this.driver = new TopologyTestDriver(builder.build(), config);
		this.submissions = this.driver.createInputTopic(Topics.SUBMISSIONS.name(),
				Topics.SUBMISSIONS.keySerde().serializer(), Topics.SUBMISSIONS.valueSerde().serializer());
		this.milestones = this.driver.createOutputTopic(Topics.MILESTONES.name(),
				Topics.MILESTONES.keySerde().deserializer(), Topics.MILESTONES.valueSerde().deserializer());
		this.rejections = this.driver.createOutputTopic(Topics.REJECTIONS.name(),
				Topics.REJECTIONS.keySerde().deserializer(), Topics.REJECTIONS.valueSerde().deserializer());
	}

	@AfterEach
	void closeTopology() {
		if (this.driver != null) {
			this.driver.close();
		}
	}

	@Test
	void firstSubmitted_isReceivedOnce_withItsChannelLevelAndVietnameseDay() {
		// 23:30 UTC on 28 Feb is already 1 March in Viet Nam
		post(submitted("e-1", "A-1", "01", Channel.ONLINE, OnlineLevel.FULL, "2025-02-28T23:30:00Z"));

		assertThat(this.milestones.readKeyValuesToList()).singleElement().satisfies((record) -> {
			assertThat(record.key).isEqualTo("01/A-1");
			ApplicationMilestone milestone = record.value;
			assertThat(milestone.type()).isEqualTo(MilestoneType.RECEIVED);
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
		assertThat(this.rejections.isEmpty()).isTrue();
	}

	@Test
	void secondDifferentSubmitted_isRejectedIntoTheFeed_andTheStoreKeepsIt() {
		post(submitted("e-1", "A-1", "01", Channel.IN_PERSON, null, "2025-03-01T08:00:00+07:00"));
		post(submitted("e-2", "A-1", "01", Channel.ONLINE, OnlineLevel.PARTIAL, "2025-03-01T09:00:00+07:00"));

		assertThat(this.milestones.readValuesToList()).singleElement()
			.satisfies((milestone) -> assertThat(milestone.channel()).isEqualTo(Channel.IN_PERSON));
		assertThat(this.rejections.readKeyValuesToList()).singleElement().satisfies((record) -> {
			assertThat(record.key).isEqualTo("01/A-1");
			assertThat(record.value.reason()).isEqualTo(RejectionReason.SECOND_SUBMISSION);
			assertThat(record.value.conflictsWith()).isEqualTo("e-1");
		});
		KeyValueStore<String, Rejection> feed = this.driver.getKeyValueStore(ApplicationLifecycle.REJECTIONS);
		assertThat(feed.all()).toIterable().singleElement()
			.satisfies((entry) -> assertThat(entry.key).startsWith("01/").endsWith("/e-2"));
	}

	@Test
	void completedBeforeItsSubmitted_isHeld_thenCountedAfterTheReceipt() {
		post(completed("c", 3));
		assertThat(this.milestones.isEmpty()).isTrue();
		KeyValueStore<String, ApplicationState> applications = this.driver
			.getKeyValueStore(ApplicationLifecycle.APPLICATIONS);
		assertThat(applications.get("01/HN-1").events()).extracting((recorded) -> recorded.disposition())
			.containsExactly(Disposition.HELD);

		KeyValueStore<String, Long> counters = this.driver.getKeyValueStore(ApplicationLifecycle.COUNTERS);
		assertThat(counters.get("held/0")).isEqualTo(1);

		post(ApplicationEvents.submitted("s", Channel.ONLINE));

		assertThat(this.milestones.readValuesToList()).extracting(ApplicationMilestone::type)
			.containsExactly(MilestoneType.RECEIVED, MilestoneType.COMPLETED);
		assertThat(applications.get("01/HN-1").held()).isZero();
		assertThat(counters.get("held/0")).isZero();
	}

	@Test
	void secondRating_andEventsAfterWithdrawal_areRejected_inTheOrderTheyHappened() {
		post(ApplicationEvents.submitted("s", Channel.ONLINE));
		post(rated("r1", 5));
		post(rated("r2", 2));
		// withdrawn on day 2, before the ratings of day 7: they no longer count, and the rating is taken back
		post(withdrawn("w", 2));
		post(completed("c", 3));

		assertThat(this.milestones.readValuesToList())
			.extracting((milestone) -> milestone.type() + (milestone.isRetraction() ? "-" : "+"))
			.containsExactly("RECEIVED+", "RATED+", "RATED-", "WITHDRAWN+");
		assertThat(this.rejections.readValuesToList())
			.extracting((rejection) -> rejection.eventId() + ":" + rejection.reason())
			.containsExactly("r2:SECOND_RATING", "r1:AFTER_WITHDRAWAL", "r2:AFTER_WITHDRAWAL", "c:AFTER_WITHDRAWAL");
	}

	@Test
	void sameApplicationId_inTwoLocalities_areTwoApplications() {
		post(submitted("e-1", "A-1", "01", Channel.ONLINE, OnlineLevel.FULL, "2025-03-01T08:00:00+07:00"));
		post(submitted("e-2", "A-1", "79", Channel.ONLINE, OnlineLevel.FULL, "2025-03-01T08:00:00+07:00"));

		assertThat(this.milestones.readValuesToList()).extracting(ApplicationMilestone::localityCode)
			.containsExactly("01", "79");
	}

	@Test
	void runningLifecycle_lendsItsStoreToTheDoor_untilItCloses() {
		assertThat(this.running.of(0)).isPresent();
		assertThat(this.running.of(1)).isEmpty();

		post(submitted("e-1", "A-1", "01", Channel.ONLINE, OnlineLevel.FULL, "2025-03-01T08:00:00+07:00"));

		assertThat(this.running.of(0).orElseThrow().get("01/A-1").event("e-1")).isPresent();
		this.driver.close();
		this.driver = null;
		assertThat(this.running.of(0)).isEmpty();
	}

	private void post(ApplicationEvent event) {
		this.submissions.pipeInput(ApplicationKey.of(event.localityCode(), event.applicationId()), event,
				Instant.parse("2025-08-10T00:00:00Z"));
	}

	static ApplicationEvent submitted(String eventId, String applicationId, String locality, Channel channel,
			OnlineLevel level, String occurredAt) {
		OffsetDateTime at = OffsetDateTime.parse(occurredAt);
		return ApplicationEvent.submitted(eventId, applicationId, locality, "P06-03", at, channel, level,
				at.plusDays(5));
	}

}
