package vn.dvcpulse.tracker.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.dvcpulse.contract.JsonSerdes;
import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.event.EventType;
import vn.dvcpulse.contract.event.PaymentChannel;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;
import vn.dvcpulse.contract.milestone.MilestoneType;
import vn.dvcpulse.contract.rejection.Rejection;
import vn.dvcpulse.contract.rejection.RejectionReason;

/**
 * The rules of an application's life. Its milestones are a function of the set of its distinct events, never of the
 * order they arrived in: the events are read in the order they happened (then by eventId), and
 * <ul>
 * <li>the earliest SUBMITTED receives the application; any other SUBMITTED is rejected;
 * <li>without a SUBMITTED, every other event is held, and placed once one arrives;
 * <li>PAID, DIGITIZED, COMPLETED, WITHDRAWN and RATED each count once, the earliest; another of the same kind is
 * rejected (a second RATED, a second COMPLETED);
 * <li>after WITHDRAWN nothing counts; a completed application cannot be withdrawn;
 * <li>an eventId seen before changes nothing if its content is the same, and is rejected if not;
 * <li>an application keeps at most {@value #MAX_EVENTS} distinct events: any further one is rejected, not kept,
 * so that no sender can grow one state past what its changelog takes.
 * </ul>
 * When a late event changes which event established a milestone (an earlier receipt arrives after a later one), the
 * milestone emitted before is taken back (a retraction) before the new one is emitted, so the counts downstream
 * always equal those of the events in order.
 */
public final class ApplicationLife {

	/** A life has six kinds of step; this leaves room for many corrections, and bounds the state's size. */
	public static final int MAX_EVENTS = 64;

	private ApplicationLife() {
	}

	/** The new state, and what to emit: milestones (and retractions) and the events newly rejected. */
	public record Step(ApplicationState state, List<ApplicationMilestone> milestones, List<Rejection> rejections) {
	}

	public static Step apply(ApplicationState state, ApplicationEvent event, Instant at) {
		RecordedEvent seen = state.event(event.eventId()).orElse(null);
		if (seen != null) {
			if (sameContent(seen.event(), event)) {
				return new Step(state, List.of(), List.of());
			}
			return new Step(state, List.of(), List.of(rejection(event, RejectionReason.EVENT_ID_REUSED,
					seen.event().eventId(), at)));
		}
		if (state.events().size() >= MAX_EVENTS) {
			return full(state, event, at);
		}
		List<ApplicationEvent> events = new ArrayList<>(state.events().stream().map(RecordedEvent::event).toList());
		events.add(event);
		Derivation derived = derive(events);

		List<RecordedEvent> recorded = new ArrayList<>();
		List<Rejection> rejections = new ArrayList<>();
		for (ApplicationEvent each : events) {
			Judgement judgement = derived.judgements().get(each.eventId());
			RecordedEvent before = state.event(each.eventId()).orElse(null);
			boolean unchanged = before != null && before.disposition() == judgement.disposition()
					&& before.reason() == judgement.reason();
			recorded.add(unchanged ? before : new RecordedEvent(each, judgement.disposition(), judgement.reason(), at));
			if (judgement.disposition() == Disposition.REJECTED && !unchanged) {
				rejections.add(rejection(each, judgement.reason(), judgement.conflictsWith(), at));
			}
		}
		List<ApplicationMilestone> emitted = new ArrayList<>();
		for (ApplicationMilestone old : state.standing()) {
			if (!derived.milestones().contains(old)) {
				emitted.add(old.retracted());
			}
		}
		for (ApplicationMilestone now : derived.milestones()) {
			if (!state.standing().contains(now)) {
				emitted.add(now);
			}
		}
		return new Step(new ApplicationState(recorded, derived.milestones()), emitted, rejections);
	}

	/** The event refused as one too many for its application: the state stays as it was. */
	public static Step full(ApplicationState state, ApplicationEvent event, Instant at) {
		return new Step(state, List.of(), List.of(rejection(event, RejectionReason.HISTORY_FULL, null, at)));
	}

	/** Whether two events say the same thing, as written on Kafka (so 100 and 100.0 VND differ, as they were sent). */
	public static boolean sameContent(ApplicationEvent a, ApplicationEvent b) {
		return JsonSerdes.tree(a).equals(JsonSerdes.tree(b));
	}

	private record Judgement(Disposition disposition, RejectionReason reason, String conflictsWith) {
	}

	private record Derivation(Map<String, Judgement> judgements, List<ApplicationMilestone> milestones) {
	}

	/** The milestones and every event's judgement, from the events in the order they happened. */
	private static Derivation derive(List<ApplicationEvent> events) {
		List<ApplicationEvent> inOrder = events.stream()
			.sorted(Comparator.comparing((ApplicationEvent e) -> e.occurredAt().toInstant())
				.thenComparing(ApplicationEvent::eventId))
			.toList();
		Map<String, Judgement> judgements = new LinkedHashMap<>();
		ApplicationEvent submitted = inOrder.stream()
			.filter((e) -> e.type() == EventType.SUBMITTED)
			.findFirst()
			.orElse(null);
		if (submitted == null) {
			inOrder.forEach((e) -> judgements.put(e.eventId(), new Judgement(Disposition.HELD, null, null)));
			return new Derivation(judgements, List.of());
		}
		ApplicationMilestone receipt = ApplicationMilestone.received(submitted.localityCode(),
				submitted.serviceCode(), submitted.applicationId(), submitted.occurredAt().toInstant(),
				submitted.channel(), submitted.onlineLevel(), submitted.eventId(), submitted.citizenRef(),
				(submitted.dueAt() != null) ? submitted.dueAt().toInstant() : null);
		Map<MilestoneType, ApplicationEvent> counted = new EnumMap<>(MilestoneType.class);
		List<ApplicationMilestone> milestones = new ArrayList<>();
		counted.put(MilestoneType.RECEIVED, submitted);
		milestones.add(receipt);
		judgements.put(submitted.eventId(), new Judgement(Disposition.COUNTED, null, null));
		for (ApplicationEvent event : inOrder) {
			if (event == submitted) {
				continue;
			}
			MilestoneType type = milestoneOf(event.type());
			RejectionReason reason = null;
			MilestoneType conflict = type;
			if (counted.containsKey(MilestoneType.WITHDRAWN)) {
				reason = RejectionReason.AFTER_WITHDRAWAL;
				conflict = MilestoneType.WITHDRAWN;
			}
			else if (counted.containsKey(type)) {
				reason = switch (event.type()) {
					case SUBMITTED -> RejectionReason.SECOND_SUBMISSION;
					case RATED -> RejectionReason.SECOND_RATING;
					default -> RejectionReason.MILESTONE_ALREADY_REACHED;
				};
			}
			else if (type == MilestoneType.WITHDRAWN && counted.containsKey(MilestoneType.COMPLETED)) {
				reason = RejectionReason.AFTER_COMPLETION;
				conflict = MilestoneType.COMPLETED;
			}
			if (reason != null) {
				judgements.put(event.eventId(),
						new Judgement(Disposition.REJECTED, reason, counted.get(conflict).eventId()));
				continue;
			}
			counted.put(type, event);
			milestones.add(milestone(type, event, receipt, submitted));
			judgements.put(event.eventId(), new Judgement(Disposition.COUNTED, null, null));
		}
		return new Derivation(judgements, milestones);
	}

	static MilestoneType milestoneOf(EventType type) {
		return switch (type) {
			case SUBMITTED -> MilestoneType.RECEIVED;
			case PAID -> MilestoneType.PAID;
			case DIGITIZED -> MilestoneType.DIGITIZED;
			case COMPLETED -> MilestoneType.COMPLETED;
			case WITHDRAWN -> MilestoneType.WITHDRAWN;
			case RATED -> MilestoneType.RATED;
		};
	}

	/** A milestone after the receipt, carrying the receipt's attributes and its own. */
	private static ApplicationMilestone milestone(MilestoneType type, ApplicationEvent event,
			ApplicationMilestone receipt, ApplicationEvent submitted) {
		ApplicationMilestone base = ApplicationMilestone.of(type, receipt, event.occurredAt().toInstant(),
				event.eventId());
		Boolean paidOnline = (type == MilestoneType.PAID)
				? event.paymentChannel() != null && event.paymentChannel() != PaymentChannel.OFFLINE : null;
		Boolean onTime = (type == MilestoneType.COMPLETED && submitted.dueAt() != null)
				? !event.occurredAt().toInstant().isAfter(submitted.dueAt().toInstant()) : null;
		return new ApplicationMilestone(type, base.localityCode(), base.serviceCode(), base.applicationId(),
				base.occurredAt(), base.receiptDay(), base.channel(), base.onlineLevel(), base.sourceEventId(), null,
				null, paidOnline, (type == MilestoneType.PAID) ? event.amountVnd() : null,
				(type == MilestoneType.DIGITIZED) ? event.reusedData() : null, onTime,
				(type == MilestoneType.COMPLETED) ? event.electronicResult() : null,
				(type == MilestoneType.COMPLETED) ? event.outcome() : null,
				(type == MilestoneType.RATED) ? event.satisfaction() : null, false);
	}

	private static Rejection rejection(ApplicationEvent event, RejectionReason reason, String conflictsWith,
			Instant at) {
		return new Rejection(event.localityCode(), event.applicationId(), event.eventId(), reason,
				reason.description(), conflictsWith, at, event);
	}

}
