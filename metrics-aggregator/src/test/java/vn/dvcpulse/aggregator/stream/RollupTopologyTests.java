package vn.dvcpulse.aggregator.stream;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.dvcpulse.aggregator.Milestones;
import vn.dvcpulse.aggregator.domain.Counts;
import vn.dvcpulse.aggregator.domain.CountsSerde;
import vn.dvcpulse.aggregator.domain.DistinctCitizens;
import vn.dvcpulse.aggregator.domain.Granularity;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.event.Channel;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;

import static org.assertj.core.api.Assertions.assertThat;

class RollupTopologyTests {

	/** The wall clock when each test starts. */
	private static final OffsetDateTime NOW = OffsetDateTime.parse("2025-08-04T12:00:00+07:00");

	private static final String APPLICATION_ID = "rollup-tests";

	private TopologyTestDriver driver;

	private TestInputTopic<String, ApplicationMilestone> milestones;

	private KeyValueStore<String, Counts> rollups;

	private MergedRollups merged;

	@BeforeEach
	void startTopology() {
		StreamsBuilder builder = new StreamsBuilder();
		this.merged = RollupTopology.build(builder, APPLICATION_ID, (milestone, acknowledgedAt) -> {
		});
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		this.driver = new TopologyTestDriver(builder.build(), config, NOW.toInstant());
		this.milestones = this.driver.createInputTopic(Topics.MILESTONES.name(),
				Topics.MILESTONES.keySerde().serializer(), Topics.MILESTONES.valueSerde().serializer());
		this.rollups = this.driver.getKeyValueStore(RollupTopology.ROLLUPS);
	}

	@AfterEach
	void closeTopology() {
		this.driver.close();
	}

	@Test
	void receipts_areCountedPerLocalityServiceAndEveryPeriod() {
		receive(Milestones.received("01", "P06-03", "A", "2025-08-04T09:00:00+07:00", Channel.ONLINE));
		receive(Milestones.received("01", "P06-03", "B", "2025-08-05T09:00:00+07:00", Channel.IN_PERSON));
		receive(Milestones.received("79", "P06-03", "C", "2025-08-05T09:00:00+07:00", Channel.POSTAL));

		assertThat(total("D|2025-08-04|01|P06-03").received()).isEqualTo(1);
		assertThat(total("M|2025-08|01|P06-03").received()).isEqualTo(2);
		assertThat(total("M|2025-08|01|P06-03").receivedOnline()).isEqualTo(1);
		assertThat(total("Q|2025-Q3|01|P06-03").received()).isEqualTo(2);
		assertThat(total("Y|2025|79|P06-03").received()).isEqualTo(1);
	}

	@Test
	void eachPartitionsTotals_arePublishedOnTheirChangelog_andReadAsThatPartitionsPart() {
		// the driver commits after each record: that a total changed many times within a commit is written once is
		// the record cache's part, shown against the broker (RollupCountingTests)
		TestOutputTopic<String, Counts> changelog = this.driver.createOutputTopic(
				RollupTopology.COUNTS.changelog(APPLICATION_ID), new StringDeserializer(), new CountsSerde());
		receive(Milestones.received("01", "P06-03", "A", "2025-08-04T09:00:00+07:00", Channel.ONLINE));

		Map<String, Counts> published = changelog.readKeyValuesToMap();
		assertThat(published).as("days and months: quarters and years are added up from months when read")
			.containsOnlyKeys("D|2025-08-04|01|P06-03", "M|2025-08|01|P06-03");
		assertThat(published.values()).allSatisfy((counts) -> assertThat(counts.received()).isEqualTo(1));
		try (KeyValueIterator<String, Counts> parts = this.rollups.all()) {
			assertThat(parts).toIterable()
				.extracting((part) -> part.key)
				.containsExactlyInAnyOrder("D|2025-08-04|01|P06-03#0", "M|2025-08|01|P06-03#0");
		}
	}

	@Test
	void theMergedView_holdsEachTotal_asItsPartsChange() {
		receive(withCitizen(Milestones.received("01", "P06-03", "A", "2025-08-04T09:00:00+07:00", Channel.ONLINE), "c1"));
		receive(withCitizen(Milestones.received("01", "P06-03", "B", "2025-08-05T09:00:00+07:00", Channel.ONLINE), "c2"));
		receive(withCitizen(Milestones.received("01", "P06-03", "C", "2025-08-06T09:00:00+07:00", Channel.ONLINE), "c1"));

		assertThat(this.merged.between(Granularity.MONTH, "2025-08", "2025-08")).singleElement().satisfies((entry) -> {
			assertThat(entry.key()).isEqualTo(new RollupKey(Granularity.MONTH, "2025-08", "01", "P06-03"));
			assertThat(entry.counts()).isEqualTo(total("M|2025-08|01|P06-03"));
			assertThat(entry.counts().received()).isEqualTo(3);
		});
		assertThat(this.merged.between(Granularity.YEAR, "2025", "2025")).singleElement()
			.satisfies((entry) -> assertThat(entry.counts().received()).isEqualTo(3));
		assertThat(this.merged.distinctCitizens(Granularity.QUARTER, "2025-Q3", "2025-Q3")).singleElement()
			.satisfies((sketch) -> assertThat(DistinctCitizens.estimate(sketch.state())).isEqualTo(2));
	}

	@Test
	void quartersAndYears_areTheSumsOfTheirMonths_asTheMonthsChange() {
		ApplicationMilestone july = Milestones.received("01", "P06-03", "A", "2025-07-31T09:00:00+07:00",
				Channel.ONLINE);
		receive(july);
		receive(Milestones.received("01", "P06-03", "B", "2025-09-30T09:00:00+07:00", Channel.IN_PERSON));
		receive(Milestones.received("01", "P06-03", "C", "2025-10-01T09:00:00+07:00", Channel.ONLINE));
		receive(Milestones.received("01", "P06-03", "D", "2026-01-01T09:00:00+07:00", Channel.ONLINE));

		assertThat(total("Q|2025-Q3|01|P06-03").received()).isEqualTo(2);
		assertThat(total("Q|2025-Q3|01|P06-03").receivedOnline()).isEqualTo(1);
		assertThat(total("Q|2025-Q4|01|P06-03").received()).isEqualTo(1);
		assertThat(total("Y|2025|01|P06-03").received()).isEqualTo(3);
		assertThat(total("Y|2026|01|P06-03").received()).isEqualTo(1);

		receive(july.retracted());
		assertThat(total("Q|2025-Q3|01|P06-03").received()).isEqualTo(1);
		assertThat(total("Q|2025-Q3|01|P06-03").receivedOnline()).isZero();
		assertThat(total("Y|2025|01|P06-03").received()).isEqualTo(2);
	}

	@Test
	void aMonthsRollup_addsToItsMonthQuarterAndYear() {
		assertThat(RollupKey.periodsHolding("M|2025-08|01|P06-03", MergedRollups.KEPT))
			.containsExactly("M|2025-08|01|P06-03", "Q|2025-Q3|01|P06-03", "Y|2025|01|P06-03");
		assertThat(RollupKey.periodsHolding("M|2025-12|79", MergedRollups.KEPT))
			.containsExactly("M|2025-12|79", "Q|2025-Q4|79", "Y|2025|79");
	}

	@Test
	void theChangeCount_movesWithEveryPublishedPart_andOnlyThen() {
		long atStart = this.merged.changes();
		receive(Milestones.received("01", "P06-03", "A", "2025-08-04T09:00:00+07:00", Channel.ONLINE));
		long afterPublish = this.merged.changes();
		assertThat(afterPublish).as("a day and a month").isEqualTo(atStart + 2);

		this.driver.advanceWallClockTime(OverdueWatch.SCAN_INTERVAL);
		assertThat(this.merged.changes()).as("nothing published, nothing changed").isEqualTo(afterPublish);
	}

	@Test
	void aLateCompletion_updatesThePeriodOfReceipt_notThePeriodItHappenedIn() {
		ApplicationMilestone june = Milestones.received("02", "P06-03", "HG-1", "2025-06-30T16:00:00+07:00",
				Channel.ONLINE);
		receive(june);
		receive(Milestones.completed(june, "2025-08-20T10:00:00+07:00", false));

		Counts counts = total("M|2025-06|02|P06-03");
		assertThat(counts.received()).isEqualTo(1);
		assertThat(counts.completed()).isEqualTo(1);
		assertThat(counts.completedOnTime()).isZero();
		assertThat(total("M|2025-08|02|P06-03")).isNull();
	}

	@Test
	void aRetraction_takesItsMilestoneBackOutOfTheCounts() {
		ApplicationMilestone postal = Milestones.received("01", "P06-03", "A", "2025-08-04T10:00:00+07:00",
				Channel.POSTAL);
		receive(postal);
		receive(postal.retracted());
		receive(Milestones.received("01", "P06-03", "A", "2025-08-04T09:00:00+07:00", Channel.ONLINE));

		Counts counts = total("M|2025-08|01|P06-03");
		assertThat(counts.received()).isEqualTo(1);
		assertThat(counts.receivedOnline()).isEqualTo(1);
	}

	@Test
	void anApplicationBecomesOverdue_whenItsDueTimePasses_andStopsBeingSo_whenCompleted() {
		ApplicationMilestone receipt = Milestones.received("01", "P06-03", "A", "2025-08-04T09:00:00+07:00",
				Channel.ONLINE, "2025-08-05T17:00:00+07:00");
		receive(receipt);
		assertThat(total("M|2025-08|01|P06-03").overdueInProgress()).isZero();

		this.driver.advanceWallClockTime(Duration.ofHours(30).plus(OverdueWatch.SCAN_INTERVAL));
		assertThat(total("D|2025-08-04|01|P06-03").overdueInProgress()).isEqualTo(1);
		assertThat(total("Y|2025|01|P06-03").overdueInProgress()).isEqualTo(1);

		receive(Milestones.completed(receipt, "2025-08-06T10:00:00+07:00", false));
		Counts counts = total("M|2025-08|01|P06-03");
		assertThat(counts.overdueInProgress()).isZero();
		assertThat(counts.completed()).isEqualTo(1);
		assertThat(counts.completedOnTime()).isZero();

		this.driver.advanceWallClockTime(OverdueWatch.SCAN_INTERVAL);
		assertThat(total("M|2025-08|01|P06-03").overdueInProgress()).isZero();
	}

	@Test
	void aBackfilledApplicationPastItsDueTime_isOverdueAtOnce_untilWithdrawn() {
		ApplicationMilestone receipt = Milestones.received("01", "P06-03", "B", "2025-06-02T09:00:00+07:00",
				Channel.IN_PERSON, "2025-06-20T17:00:00+07:00");
		receive(receipt);
		assertThat(total("M|2025-06|01|P06-03").overdueInProgress()).isEqualTo(1);

		receive(Milestones.withdrawn(receipt, "2025-08-04T11:00:00+07:00"));
		assertThat(total("M|2025-06|01|P06-03").overdueInProgress()).isZero();
		assertThat(total("M|2025-06|01|P06-03").withdrawn()).isEqualTo(1);
	}

	@Test
	void anOverdueApplication_movesWithItsReceipt_whenAnEarlierReceiptTakesItsPlace() {
		ApplicationMilestone july = Milestones.received("01", "P06-03", "C", "2025-07-01T09:00:00+07:00",
				Channel.ONLINE, "2025-07-10T17:00:00+07:00");
		receive(july);
		receive(july.retracted());
		receive(Milestones.received("01", "P06-03", "C", "2025-06-30T09:00:00+07:00", Channel.ONLINE,
				"2025-07-10T17:00:00+07:00"));

		assertThat(total("M|2025-07|01|P06-03").overdueInProgress()).isZero();
		assertThat(total("M|2025-07|01|P06-03").received()).isZero();
		assertThat(total("M|2025-06|01|P06-03").overdueInProgress()).isEqualTo(1);
		assertThat(total("Y|2025|01|P06-03").overdueInProgress()).isEqualTo(1);
	}

	@Test
	void dueIndexKeys_keepTheirStoredForm_andSortByDueTime() {
		// the form of keys already in the stores: a change would strand every indexed application
		assertThat(OverdueWatch.DueKey.of(Instant.ofEpochMilli(1_735_689_600_000L), "01/A-1"))
			.isEqualTo("0001735689600000|01/A-1");
		assertThat(OverdueWatch.DueKey.first()).isEqualTo("0000000000000000|");
		assertThat(OverdueWatch.DueKey.of(Instant.ofEpochMilli(999), "79/B"))
			.isLessThan(OverdueWatch.DueKey.of(Instant.ofEpochMilli(1_000), "01/A"))
			.isLessThan(OverdueWatch.DueKey.upTo(999))
			.isGreaterThan(OverdueWatch.DueKey.first());
		assertThat(OverdueWatch.DueKey.of(Instant.ofEpochMilli(1_000), "01/A"))
			.isGreaterThan(OverdueWatch.DueKey.upTo(999))
			.isLessThan(OverdueWatch.DueKey.upTo(1_000));
	}

	@Test
	void applicationsWithoutADueTime_areNeverOverdue() {
		receive(Milestones.received("01", "P06-03", "D", "2025-01-02T09:00:00+07:00", Channel.ONLINE));
		this.driver.advanceWallClockTime(OverdueWatch.SCAN_INTERVAL);
		assertThat(total("Y|2025|01|P06-03").overdueInProgress()).isZero();
	}

	@Test
	void distinctApplicants_areCountedPerLocalityAndPeriod_acrossServices() {
		receive(withCitizen(Milestones.received("01", "P06-03", "A", "2025-08-04T09:00:00+07:00", Channel.ONLINE), "c1"));
		receive(withCitizen(Milestones.received("01", "P06-05", "B", "2025-08-05T09:00:00+07:00", Channel.ONLINE), "c2"));
		receive(withCitizen(Milestones.received("01", "P06-03", "C", "2025-09-05T09:00:00+07:00", Channel.ONLINE), "c1"));

		assertThat(DistinctCitizens.estimate(sketch("M|2025-08|01"))).isEqualTo(2);
		assertThat(DistinctCitizens.estimate(sketch("M|2025-09|01"))).isEqualTo(1);
		assertThat(DistinctCitizens.estimate(sketch("Q|2025-Q3|01"))).isEqualTo(2);
		assertThat(DistinctCitizens.estimate(DistinctCitizens.union(
				List.of(sketch("M|2025-08|01"), sketch("M|2025-09|01"))))).isEqualTo(2);
		assertThat(sketch("D|2025-08-04|01")).isNull();
	}

	private static ApplicationMilestone withCitizen(ApplicationMilestone m, String citizenRef) {
		return ApplicationMilestone.received(m.localityCode(), m.serviceCode(), m.applicationId(), m.occurredAt(),
				m.channel(), m.onlineLevel(), m.sourceEventId(), citizenRef, m.dueAt());
	}

	/**
	 * A rollup as the partitions count it: the sum of their parts in the global table for a day or a month; a quarter
	 * or a year, which no partition counts, as the merged view adds it up from months. Null when there is none.
	 */
	private Counts total(String key) {
		RollupKey rollup = RollupKey.parse(key);
		if (rollup.granularity() == Granularity.QUARTER || rollup.granularity() == Granularity.YEAR) {
			return this.merged.between(rollup.granularity(), rollup.period(), rollup.period())
				.stream()
				.filter((entry) -> entry.key().equals(rollup))
				.map(Rollups.Entry::counts)
				.findFirst()
				.orElse(null);
		}
		Counts total = null;
		try (KeyValueIterator<String, Counts> parts = this.rollups.range(key + "#", key + "#~")) {
			while (parts.hasNext()) {
				Counts part = parts.next().value;
				total = (total != null) ? total.add(part) : part;
			}
		}
		return total;
	}

	/** A locality's distinct applicants in a month, quarter or year, as the merged view holds them; null when none. */
	private byte[] sketch(String key) {
		RollupKey rollup = RollupKey.parse(key);
		if (rollup.granularity() == Granularity.DAY) {
			return null;
		}
		return this.merged.distinctCitizens(rollup.granularity(), rollup.period(), rollup.period())
			.stream()
			.filter((sketch) -> sketch.key().equals(rollup))
			.map(Rollups.Sketch::state)
			.findFirst()
			.orElse(null);
	}

	private void receive(ApplicationMilestone milestone) {
		this.milestones.pipeInput(Milestones.key(milestone), milestone);
	}

}
