package vn.dvcpulse.tracker.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.event.Channel;
import vn.dvcpulse.contract.event.PaymentChannel;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;
import vn.dvcpulse.contract.milestone.MilestoneType;
import vn.dvcpulse.contract.rejection.Rejection;
import vn.dvcpulse.contract.rejection.RejectionReason;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dvcpulse.tracker.domain.ApplicationEvents.completed;
import static vn.dvcpulse.tracker.domain.ApplicationEvents.paid;
import static vn.dvcpulse.tracker.domain.ApplicationEvents.rated;
import static vn.dvcpulse.tracker.domain.ApplicationEvents.submitted;
import static vn.dvcpulse.tracker.domain.ApplicationEvents.wholeLife;
import static vn.dvcpulse.tracker.domain.ApplicationEvents.withdrawn;

class ApplicationLifeTests {

	static final Instant AT = Instant.parse("2025-08-04T03:00:00Z");

	@Test
	void aWholeLifeInOrder_reachesEachMilestoneOnce_withWhatTheAggregatorNeeds() {
		Run run = run(wholeLife());

		assertThat(run.milestones()).extracting(ApplicationMilestone::type)
			.containsExactly(MilestoneType.RECEIVED, MilestoneType.PAID, MilestoneType.DIGITIZED,
					MilestoneType.COMPLETED, MilestoneType.RATED);
		assertThat(run.milestones()).allSatisfy((milestone) -> {
			assertThat(milestone.localityCode()).isEqualTo("01");
			assertThat(milestone.channel()).isEqualTo(Channel.ONLINE);
			assertThat(milestone.receiptDay()).hasToString("2025-08-04");
		});
		assertThat(run.milestone(MilestoneType.PAID).paidOnline()).isTrue();
		assertThat(run.milestone(MilestoneType.DIGITIZED).reusedData()).isTrue();
		assertThat(run.milestone(MilestoneType.COMPLETED).onTime()).isTrue();
		assertThat(run.milestone(MilestoneType.COMPLETED).electronicResult()).isTrue();
		assertThat(run.milestone(MilestoneType.RATED).satisfaction()).isEqualTo(5);
		assertThat(run.rejections()).isEmpty();
	}

	@Test
	void anApplicationKeepsAtMostItsCapOfEvents_andRejectsAnyFurtherOne_withoutKeepingIt() {
		Instant at = Instant.parse("2025-08-10T00:00:00Z");
		ApplicationState state = ApplicationLife.apply(ApplicationState.NEW, submitted("s", Channel.ONLINE), at).state();
		for (int i = 1; i < ApplicationLife.MAX_EVENTS; i++) {
			state = ApplicationLife.apply(state, rated("r-" + i, 5), at).state();
		}
		assertThat(state.events()).hasSize(ApplicationLife.MAX_EVENTS);

		ApplicationLife.Step oneMore = ApplicationLife.apply(state, completed("c", 3), at);

		assertThat(oneMore.state()).isSameAs(state);
		assertThat(oneMore.milestones()).isEmpty();
		assertThat(oneMore.rejections()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.reason()).isEqualTo(RejectionReason.HISTORY_FULL);
			assertThat(rejection.eventId()).isEqualTo("c");
		});
		// an event it already holds is still a duplicate, not one too many
		assertThat(ApplicationLife.apply(state, rated("r-1", 5), at).rejections()).isEmpty();
	}

	@Test
	void completedAfterItsDueTime_isLate() {
		Run run = run(List.of(submitted("s", Channel.IN_PERSON), completed("c", 6)));
		assertThat(run.milestone(MilestoneType.COMPLETED).onTime()).isFalse();
	}

	@Test
	void paidAtTheDesk_isNotPaidOnline() {
		Run run = run(List.of(submitted("s", Channel.IN_PERSON), paid("p", PaymentChannel.OFFLINE)));
		assertThat(run.milestone(MilestoneType.PAID).paidOnline()).isFalse();
	}

	@Test
	void eventsBeforeTheirSubmitted_areHeld_thenPlacedWhenItArrives() {
		ApplicationLife.Step early = ApplicationLife.apply(ApplicationState.NEW, completed("c", 3), AT);
		assertThat(early.milestones()).isEmpty();
		assertThat(early.state().held()).isEqualTo(1);

		ApplicationLife.Step received = ApplicationLife.apply(early.state(), submitted("s", Channel.ONLINE), AT);
		assertThat(received.milestones()).extracting(ApplicationMilestone::type)
			.containsExactly(MilestoneType.RECEIVED, MilestoneType.COMPLETED);
		assertThat(received.state().held()).isZero();
	}

	@Test
	void theSameEventAgain_changesNothing() {
		ApplicationLife.Step first = ApplicationLife.apply(ApplicationState.NEW, submitted("s", Channel.ONLINE), AT);
		ApplicationLife.Step again = ApplicationLife.apply(first.state(), submitted("s", Channel.ONLINE), AT);
		assertThat(again.milestones()).isEmpty();
		assertThat(again.rejections()).isEmpty();
		assertThat(again.state()).isEqualTo(first.state());
	}

	@Test
	void anEventIdReusedForOtherContent_isRejected() {
		Run run = run(List.of(submitted("s", Channel.ONLINE), submitted("s", Channel.IN_PERSON)));
		assertThat(run.reasons()).containsExactly(RejectionReason.EVENT_ID_REUSED);
		assertThat(run.milestones()).hasSize(1);
	}

	@Test
	void aSecondDifferentSubmitted_isRejected_namingTheOneThatCounted() {
		Run run = run(List.of(submitted("s1", Channel.ONLINE), submitted("s2", Channel.IN_PERSON)));
		assertThat(run.rejections()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.reason()).isEqualTo(RejectionReason.SECOND_SUBMISSION);
			assertThat(rejection.eventId()).isEqualTo("s2");
			assertThat(rejection.conflictsWith()).isEqualTo("s1");
		});
		assertThat(run.milestone(MilestoneType.RECEIVED).channel()).isEqualTo(Channel.ONLINE);
	}

	@Test
	void aSecondRating_isRejected() {
		Run run = run(List.of(submitted("s", Channel.ONLINE), rated("r1", 4), rated("r2", 1)));
		assertThat(run.reasons()).containsExactly(RejectionReason.SECOND_RATING);
		assertThat(run.milestone(MilestoneType.RATED).satisfaction()).isEqualTo(4);
	}

	@Test
	void afterWithdrawal_nothingCounts() {
		Run run = run(List.of(submitted("s", Channel.ONLINE), withdrawn("w", 1), completed("c", 2), rated("r", 3)));
		assertThat(run.milestones()).extracting(ApplicationMilestone::type)
			.containsExactly(MilestoneType.RECEIVED, MilestoneType.WITHDRAWN);
		assertThat(run.reasons()).containsExactly(RejectionReason.AFTER_WITHDRAWAL, RejectionReason.AFTER_WITHDRAWAL);
	}

	@Test
	void aCompletedApplication_cannotBeWithdrawnOrCompletedAgain() {
		Run run = run(List.of(submitted("s", Channel.ONLINE), completed("c1", 2), withdrawn("w", 3),
				completed("c2", 4)));
		assertThat(run.reasons()).containsExactly(RejectionReason.AFTER_COMPLETION,
				RejectionReason.MILESTONE_ALREADY_REACHED);
	}

	@Test
	void anEarlierReceiptArrivingLate_takesBackTheLaterOne_andReplacesIt() {
		ApplicationEvent later = ApplicationEvent.submitted("s-late", "HN-1", "01", "P06-03",
				ApplicationEvents.DAY_ONE.plusHours(2), Channel.POSTAL, null, ApplicationEvents.DAY_ONE.plusDays(5));
		Run run = run(List.of(later, completed("c", 3), submitted("s", Channel.ONLINE)));

		assertThat(run.milestones()).extracting((m) -> m.type() + (m.isRetraction() ? "-" : "+"))
			.containsExactly("RECEIVED+", "COMPLETED+", "RECEIVED-", "COMPLETED-", "RECEIVED+", "COMPLETED+");
		assertThat(net(run.milestones())).extracting(ApplicationMilestone::channel)
			.containsOnly(Channel.ONLINE);
		assertThat(run.rejections()).singleElement()
			.satisfies((rejection) -> assertThat(rejection.eventId()).isEqualTo("s-late"));
	}

	/**
	 * The property the figures rest on: any order of arrival of a life's events, each sent any number of times,
	 * gives the same milestones as the events in order. Checked on 500 random arrivals (fixed seeds, so a failure
	 * can be replayed).
	 */
	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4, 5 })
	void anyArrivalOrder_withRepeats_givesTheSameMilestones(long seed) {
		List<ApplicationEvent> life = new ArrayList<>(wholeLife());
		// conflicts too: a later, different receipt and a later second rating
		life.add(ApplicationEvent.submitted("s-late", "HN-1", "01", "P06-03", ApplicationEvents.DAY_ONE.plusHours(1),
				Channel.POSTAL, null, ApplicationEvents.DAY_ONE.plusDays(9)));
		life.add(rated("r-late", 1));
		Set<ApplicationMilestone> expected = Set.copyOf(run(life).milestones());
		Random random = new Random(seed);
		for (int trial = 0; trial < 100; trial++) {
			List<ApplicationEvent> arrivals = new ArrayList<>(life);
			for (ApplicationEvent event : life) {
				for (int repeat = random.nextInt(3); repeat > 0; repeat--) {
					arrivals.add(event);
				}
			}
			Collections.shuffle(arrivals, random);

			Run run = run(arrivals);

			assertThat(net(run.milestones())).as("arrivals %s", ids(arrivals)).containsExactlyInAnyOrderElementsOf(expected);
			assertThat(run.state().events()).filteredOn((e) -> e.disposition() == Disposition.REJECTED)
				.extracting((e) -> e.event().eventId())
				.containsExactlyInAnyOrder("s-late", "r-late");
		}
	}

	/** What stands once every retraction has taken back its milestone. */
	static List<ApplicationMilestone> net(List<ApplicationMilestone> emitted) {
		List<ApplicationMilestone> standing = new ArrayList<>();
		for (ApplicationMilestone milestone : emitted) {
			if (milestone.isRetraction()) {
				assertThat(standing.remove(withoutRetraction(milestone)))
					.as("a retraction takes back a standing milestone")
					.isTrue();
			}
			else {
				standing.add(milestone);
			}
		}
		return standing;
	}

	private static ApplicationMilestone withoutRetraction(ApplicationMilestone m) {
		return new ApplicationMilestone(m.type(), m.localityCode(), m.serviceCode(), m.applicationId(), m.occurredAt(),
				m.receiptDay(), m.channel(), m.onlineLevel(), m.sourceEventId(), m.citizenRef(), m.dueAt(), m.paidOnline(),
				m.amountVnd(), m.reusedData(), m.onTime(), m.electronicResult(), m.outcome(), m.satisfaction(), false);
	}

	private static String ids(List<ApplicationEvent> events) {
		return events.stream().map(ApplicationEvent::eventId).collect(Collectors.joining(","));
	}

	static Run run(List<ApplicationEvent> events) {
		ApplicationState state = ApplicationState.NEW;
		List<ApplicationMilestone> milestones = new ArrayList<>();
		List<Rejection> rejections = new ArrayList<>();
		for (ApplicationEvent event : events) {
			ApplicationLife.Step step = ApplicationLife.apply(state, event, AT);
			state = step.state();
			milestones.addAll(step.milestones());
			rejections.addAll(step.rejections());
		}
		return new Run(state, milestones, rejections);
	}

	record Run(ApplicationState state, List<ApplicationMilestone> milestones, List<Rejection> rejections) {

		ApplicationMilestone milestone(MilestoneType type) {
			return this.milestones.stream().filter((m) -> m.type() == type).findFirst().orElseThrow();
		}

		List<RejectionReason> reasons() {
			return this.rejections.stream().map(Rejection::reason).toList();
		}

	}

}
