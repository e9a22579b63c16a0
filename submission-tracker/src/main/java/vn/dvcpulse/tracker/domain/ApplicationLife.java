package vn.dvcpulse.tracker.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import vn.dvcpulse.contract.JsonSerdes;
import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.event.EventType;
import vn.dvcpulse.contract.event.PaymentChannel;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;
import vn.dvcpulse.contract.milestone.MilestoneType;
import vn.dvcpulse.contract.rejection.Rejection;
import vn.dvcpulse.contract.rejection.RejectionReason;

/**
 * The rules of an application's life, one event at a time. Each milestone is reached once, by the first event
 * that can establish it:
 * <ul>
 * <li>an event whose eventId was seen before changes nothing if its content is the same, and is rejected if not;
 * <li>the first SUBMITTED receives the application; a later, different one is rejected;
 * <li>an event before its application's SUBMITTED is held, and placed (in order of occurrence) once it arrives;
 * <li>after WITHDRAWN nothing more counts; after COMPLETED, no second completion or withdrawal;
 * <li>PAID, DIGITIZED, COMPLETED, WITHDRAWN and RATED each count once; a second RATED is rejected.
 * </ul>
 * Events arriving twice, late or out of order thus give the same milestones as the same events in order.
 */
public final class ApplicationLife {

	private ApplicationLife() {
	}

	/** The new state, and what to emit: milestones reached and events rejected. */
	public record Step(ApplicationState state, List<ApplicationMilestone> milestones, List<Rejection> rejections) {
	}

	public static Step apply(ApplicationState state, ApplicationEvent event, Instant at) {
		Builder step = new Builder(state, at);
		step.accept(event);
		return step.build();
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

	/** Whether two events say the same thing, as written on Kafka (so 100 and 100.0 VND differ, as they were sent). */
	public static boolean sameContent(ApplicationEvent a, ApplicationEvent b) {
		return JsonSerdes.tree(a).equals(JsonSerdes.tree(b));
	}

	private static final class Builder {

		private final List<RecordedEvent> events;

		private ApplicationMilestone receipt;

		private final Set<MilestoneType> milestones;

		private final Instant at;

		private final List<ApplicationMilestone> emitted = new ArrayList<>();

		private final List<Rejection> rejections = new ArrayList<>();

		Builder(ApplicationState state, Instant at) {
			this.events = new ArrayList<>(state.events());
			this.receipt = state.receipt();
			this.milestones = state.milestones().isEmpty() ? EnumSet.noneOf(MilestoneType.class)
					: EnumSet.copyOf(state.milestones());
			this.at = at;
		}

		void accept(ApplicationEvent event) {
			RecordedEvent seen = this.events.stream()
				.filter((recorded) -> recorded.event().eventId().equals(event.eventId()))
				.findFirst()
				.orElse(null);
			if (seen != null) {
				if (!sameContent(seen.event(), event)) {
					reject(event, RejectionReason.EVENT_ID_REUSED, seen.event().eventId(), false);
				}
				return; // the same event again: it was judged already
			}
			if (this.receipt == null && event.type() != EventType.SUBMITTED) {
				this.events.add(new RecordedEvent(event, Disposition.HELD, null, this.at));
				return;
			}
			judge(event);
			if (event.type() == EventType.SUBMITTED && this.receipt != null) {
				releaseHeld();
			}
		}

		/** Places an event on a received application (or receives it). */
		private void judge(ApplicationEvent event) {
			MilestoneType milestone = milestoneOf(event.type());
			if (this.milestones.contains(MilestoneType.WITHDRAWN)) {
				reject(event, RejectionReason.AFTER_WITHDRAWAL, countedId(MilestoneType.WITHDRAWN), true);
				return;
			}
			if (this.milestones.contains(milestone)) {
				RejectionReason reason = switch (event.type()) {
					case SUBMITTED -> RejectionReason.SECOND_SUBMISSION;
					case RATED -> RejectionReason.SECOND_RATING;
					default -> RejectionReason.MILESTONE_ALREADY_REACHED;
				};
				reject(event, reason, countedId(milestone), true);
				return;
			}
			if (event.type() == EventType.WITHDRAWN && this.milestones.contains(MilestoneType.COMPLETED)) {
				reject(event, RejectionReason.AFTER_COMPLETION, countedId(MilestoneType.COMPLETED), true);
				return;
			}
			count(event, milestone);
		}

		private void count(ApplicationEvent event, MilestoneType type) {
			record(event, Disposition.COUNTED, null);
			this.milestones.add(type);
			Instant occurredAt = event.occurredAt().toInstant();
			if (type == MilestoneType.RECEIVED) {
				this.receipt = ApplicationMilestone.received(event.localityCode(), event.serviceCode(),
						event.applicationId(), occurredAt, event.channel(), event.onlineLevel(), event.eventId(),
						event.citizenRef());
				this.emitted.add(this.receipt);
				return;
			}
			ApplicationMilestone base = ApplicationMilestone.of(type, this.receipt, occurredAt, event.eventId());
			this.emitted.add(switch (type) {
				case PAID -> new ApplicationMilestone(type, base.localityCode(), base.serviceCode(),
						base.applicationId(), occurredAt, base.receiptDay(), base.channel(), base.onlineLevel(),
						base.sourceEventId(), null,
						event.paymentChannel() != null && event.paymentChannel() != PaymentChannel.OFFLINE,
						event.amountVnd(), null, null, null, null, null);
				case DIGITIZED -> new ApplicationMilestone(type, base.localityCode(), base.serviceCode(),
						base.applicationId(), occurredAt, base.receiptDay(), base.channel(), base.onlineLevel(),
						base.sourceEventId(), null, null, null, event.reusedData(), null, null, null, null);
				case COMPLETED -> new ApplicationMilestone(type, base.localityCode(), base.serviceCode(),
						base.applicationId(), occurredAt, base.receiptDay(), base.channel(), base.onlineLevel(),
						base.sourceEventId(), null, null, null, null, onTime(event), event.electronicResult(),
						event.outcome(), null);
				case RATED -> new ApplicationMilestone(type, base.localityCode(), base.serviceCode(),
						base.applicationId(), occurredAt, base.receiptDay(), base.channel(), base.onlineLevel(),
						base.sourceEventId(), null, null, null, null, null, null, null, event.satisfaction());
				default -> base;
			});
		}

		/** On time when completed no later than the due time the receipt promised. */
		private Boolean onTime(ApplicationEvent completed) {
			ApplicationEvent submitted = receiptEvent();
			if (submitted == null || submitted.dueAt() == null) {
				return null;
			}
			return !completed.occurredAt().toInstant().isAfter(submitted.dueAt().toInstant());
		}

		private ApplicationEvent receiptEvent() {
			return this.events.stream()
				.filter((recorded) -> recorded.disposition() == Disposition.COUNTED)
				.map(RecordedEvent::event)
				.filter((event) -> event.type() == EventType.SUBMITTED)
				.findFirst()
				.orElse(null);
		}

		/** Held events are placed in the order they happened, ties broken by eventId, whatever their arrival. */
		private void releaseHeld() {
			List<RecordedEvent> held = this.events.stream()
				.filter((recorded) -> recorded.disposition() == Disposition.HELD)
				.sorted(Comparator.comparing((RecordedEvent recorded) -> recorded.event().occurredAt().toInstant())
					.thenComparing((recorded) -> recorded.event().eventId()))
				.toList();
			this.events.removeAll(held);
			held.forEach((recorded) -> judge(recorded.event()));
		}

		private String countedId(MilestoneType type) {
			return this.events.stream()
				.filter((recorded) -> recorded.disposition() == Disposition.COUNTED)
				.filter((recorded) -> milestoneOf(recorded.event().type()) == type)
				.map((recorded) -> recorded.event().eventId())
				.findFirst()
				.orElse(null);
		}

		/** Records the rejection; a reused eventId is not recorded as an event of its own (its id is taken). */
		private void reject(ApplicationEvent event, RejectionReason reason, String conflictsWith, boolean record) {
			if (record) {
				record(event, Disposition.REJECTED, reason);
			}
			this.rejections.add(new Rejection(event.localityCode(), event.applicationId(), event.eventId(), reason,
					reason.description(), conflictsWith, this.at, event));
		}

		private void record(ApplicationEvent event, Disposition disposition, RejectionReason reason) {
			this.events.add(new RecordedEvent(event, disposition, reason, this.at));
		}

		Step build() {
			return new Step(new ApplicationState(this.events, this.receipt, this.milestones), this.emitted,
					this.rejections);
		}

	}

}
