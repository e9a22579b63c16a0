package vn.dvcpulse.tracker.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
import vn.dvcpulse.contract.rejection.Rejection;
import vn.dvcpulse.contract.rejection.RejectionReason;
import vn.dvcpulse.testsupport.TestDeadLetters;
import vn.dvcpulse.tracker.domain.ApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No record stops the lifecycle: what cannot be read or processed becomes a dead letter with its cause and origin,
 * the next valid event is counted, and no application's state can outgrow what its changelog takes.
 */
class LifecycleDeadLetterTests {

	private final TestDeadLetters deadLetters = new TestDeadLetters();

	private TopologyTestDriver driver;

	private TestInputTopic<byte[], byte[]> raw;

	private TestInputTopic<String, ApplicationEvent> submissions;

	private TestOutputTopic<String, ApplicationMilestone> milestones;

	private TestOutputTopic<String, Rejection> rejections;

	@BeforeEach
	void startTopology() {
		StreamsBuilder builder = new StreamsBuilder();
		LifecycleTopology.build(builder, new RunningApplicationStores(),
				(rejection) -> {
				});
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "lifecycle-dead-letter-tests");
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		config.putAll(this.deadLetters.handlers());
		this.driver = new TopologyTestDriver(builder.build(), config);
		this.raw = this.driver.createInputTopic(Topics.SUBMISSIONS.name(), new ByteArraySerializer(),
				new ByteArraySerializer());
		this.submissions = this.driver.createInputTopic(Topics.SUBMISSIONS.name(),
				Topics.SUBMISSIONS.keySerde().serializer(), Topics.SUBMISSIONS.valueSerde().serializer());
		this.milestones = this.driver.createOutputTopic(Topics.MILESTONES.name(),
				Topics.MILESTONES.keySerde().deserializer(), Topics.MILESTONES.valueSerde().deserializer());
		this.rejections = this.driver.createOutputTopic(Topics.REJECTIONS.name(),
				Topics.REJECTIONS.keySerde().deserializer(), Topics.REJECTIONS.valueSerde().deserializer());
	}

	@AfterEach
	void closeTopology() {
		this.driver.close();
	}

	@Test
	void aRecordThatIsNotAnEvent_isADeadLetter_andTheNextEventIsCounted() {
		this.raw.pipeInput(bytes("01/X-1"), bytes("{not json"));

		post(received("A-1"));

		assertThat(this.deadLetters.written()).singleElement().satisfies((letter) -> {
			assertThat(letter.topic()).isEqualTo(Topics.DEAD_LETTERS.name());
			assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
			assertThat(TestDeadLetters.header(letter, "kafka_dlt-original-topic")).isEqualTo(Topics.SUBMISSIONS.name());
			assertThat(TestDeadLetters.header(letter, "kafka_dlt-exception-fqcn")).isNotBlank();
		});
		assertThat(this.deadLetters.counted("deserialization")).isEqualTo(1.0);
		assertThat(this.milestones.readValuesToList()).extracting(ApplicationMilestone::type)
			.containsExactly(MilestoneType.RECEIVED);
	}

	@Test
	void anEventLargerThanTheRecordLimit_isADeadLetter_andTheNextEventIsCounted() {
		ApplicationEvent huge = withComponents(ApplicationEvents.digitized("d"),
				Collections.nCopies(600, "c".repeat(128)));
		post(huge);

		post(received("A-2"));

		assertThat(this.deadLetters.written()).singleElement()
			.satisfies((letter) -> assertThat(letter.value().length).isGreaterThan(Topics.RECORD_LIMIT));
		assertThat(this.milestones.readValuesToList()).extracting(ApplicationMilestone::applicationId)
			.containsExactly("A-2");
	}

	@Test
	void anEventWhoseStateCannotBeWritten_isADeadLetter_andTheLifecycleGoesOn() {
		// written past the door, which refuses it: an unpaired surrogate cannot be written as Smile
		post(withComponents(ApplicationEvents.digitized("d"), List.of("scan\ud800")));

		post(received("A-3"));

		assertThat(this.deadLetters.written()).singleElement()
			.satisfies((letter) -> assertThat(TestDeadLetters.header(letter, "kafka_dlt-original-topic"))
				.isEqualTo(Topics.SUBMISSIONS.name()));
		assertThat(this.deadLetters.counted("processing")).isEqualTo(1.0);
		assertThat(this.milestones.readValuesToList()).extracting(ApplicationMilestone::applicationId)
			.containsExactly("A-3");
	}

	@Test
	void anApplicationGrownPastItsStateBytes_rejectsTheEventThatWouldPassThem_andKeepsItsState() {
		post(received("HN-1"));
		// large events of an application, each under the record limit, until its state would pass its bytes
		for (int i = 0; i < 20; i++) {
			post(withComponents(new ApplicationEvent("big-" + i, EventType.DIGITIZED, "HN-1", "01", "P06-03",
					ApplicationEvents.DAY_ONE.plusHours(i + 1), null, null, null, null, null, null, true, null, null,
					null, null, null), Collections.nCopies(400, "c".repeat(120))));
		}
		List<Rejection> rejected = this.rejections.readValuesToList();
		assertThat(rejected).isNotEmpty()
			.allSatisfy((rejection) -> assertThat(rejection.reason()).isIn(RejectionReason.HISTORY_FULL,
					RejectionReason.MILESTONE_ALREADY_REACHED));
		assertThat(rejected).extracting(Rejection::reason).contains(RejectionReason.HISTORY_FULL);
		byte[] state = new ApplicationStateSerde().serializer()
			.serialize("", this.driver.<String, vn.dvcpulse.tracker.domain.ApplicationState>getKeyValueStore(
					ApplicationLifecycle.APPLICATIONS).get("01/HN-1"));
		assertThat(state.length).isLessThanOrEqualTo(ApplicationLifecycle.MAX_STATE_BYTES);
		assertThat(this.deadLetters.written()).isEmpty();
		// and the application still moves
		post(ApplicationEvents.completed("c", 3));
		assertThat(this.milestones.readValuesToList()).extracting(ApplicationMilestone::type)
			.contains(MilestoneType.COMPLETED);
	}

	private void post(ApplicationEvent event) {
		this.submissions.pipeInput(ApplicationKey.of(event.localityCode(), event.applicationId()), event,
				Instant.parse("2025-08-10T00:00:00Z"));
	}

	private static ApplicationEvent received(String applicationId) {
		return ApplicationEvent.submitted(applicationId + "-s", applicationId, "01", "P06-03", ApplicationEvents.DAY_ONE,
				Channel.ONLINE, OnlineLevel.FULL, ApplicationEvents.DAY_ONE.plusDays(5));
	}

	private static ApplicationEvent withComponents(ApplicationEvent e, List<String> components) {
		return new ApplicationEvent(e.eventId(), e.type(), e.applicationId(), e.localityCode(), e.serviceCode(),
				e.occurredAt(), e.channel(), e.onlineLevel(), e.dueAt(), e.paymentChannel(), e.amountVnd(), components,
				e.reusedData(), e.electronicResult(), e.outcome(), e.reason(), e.satisfaction(), e.citizenRef());
	}

	private static byte[] bytes(String text) {
		return new StringSerializer().serialize("", text);
	}

}
