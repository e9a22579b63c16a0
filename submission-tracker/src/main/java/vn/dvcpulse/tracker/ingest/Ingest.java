package vn.dvcpulse.tracker.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.dvcpulse.access.Caller;
import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.problem.InvalidFieldsException;
import vn.dvcpulse.contract.problem.RequestProblems;
import vn.dvcpulse.tracker.domain.ApplicationLife;
import vn.dvcpulse.tracker.domain.RecordedEvent;
import vn.dvcpulse.tracker.stream.StateNotReadyException;
import vn.dvcpulse.tracker.stream.TrackerQueries;

/**
 * The door of the tracker, for one event, a batch or an import: each event is checked on its own, a duplicate is
 * answered as such, and only what passes every check is appended to the submissions topic.
 */
@Component
public class Ingest {

	/** How many appends of an import may wait for Kafka at once: enough to batch, little enough to bound memory. */
	static final int IMPORT_WINDOW = 2_000;

	/** The longest line of an import: the longest single event the door takes. */
	public static final int EVENT_LIMIT = 64 * 1024;

	/** How many of an import's latest eventIds are remembered, so that a copy of one is answered as a duplicate. */
	static final int IMPORT_MEMORY = 2 * IMPORT_WINDOW;

	private final EventRules rules;

	private final TrackerQueries queries;

	private final SubmissionLog log;

	private final Validator validator;

	private final JsonMapper json;

	private final IngestMetrics metrics;

	private final LocalityScope scope;

	Ingest(EventRules rules, TrackerQueries queries, SubmissionLog log, Validator validator, JsonMapper json,
			IngestMetrics metrics, LocalityScope scope) {
		this.scope = scope;
		this.rules = rules;
		this.queries = queries;
		this.log = log;
		this.validator = validator;
		this.json = json;
		this.metrics = metrics;
	}

	/**
	 * One event, already read and validated by the web layer.
	 * @throws LocalityNotAllowedException when the caller may not post for its locality
	 * @throws InvalidFieldsException when a rule refuses it
	 * @throws EventIdConflictException when its eventId names a different accepted event
	 * @throws IngestUnavailableException when Kafka did not acknowledge it
	 */
	public IngestOutcome accept(ApplicationEvent event, Caller caller) {
		this.rules.requireCatalog();
		try {
			if (!this.scope.maySubmitFor(caller, event.localityCode())) {
				throw new LocalityNotAllowedException(notAllowed(caller, event.localityCode()));
			}
			this.rules.check(event);
			Optional<IngestOutcome> duplicate = duplicate(event);
			IngestOutcome outcome = duplicate
				.orElseGet(() -> IngestOutcome.accepted(event.eventId(), this.log.append(event)));
			this.metrics.count(event.localityCode(), outcome);
			return outcome;
		}
		catch (LocalityNotAllowedException ex) {
			this.metrics.rejected(event.localityCode(), IngestProblems.localityNotAllowed(ex.getMessage()));
			throw ex;
		}
		catch (InvalidFieldsException ex) {
			this.metrics.rejected(event.localityCode(), RequestProblems.problemOf(ex));
			throw ex;
		}
		catch (EventIdConflictException ex) {
			this.metrics.rejected(event.localityCode(), IngestProblems.conflict(ex));
			throw ex;
		}
		catch (IngestRefusedException ex) {
			this.metrics.rejected(event.localityCode(), IngestProblems.refused(ex));
			throw ex;
		}
		catch (IngestUnavailableException ex) {
			this.metrics.rejected(event.localityCode(), IngestProblems.unavailable());
			throw ex;
		}
	}

	/**
	 * Each item judged on its own; the valid ones are appended together, not held back by the others. A batch is
	 * one sender's: an item for a locality the caller may not post for refuses the whole batch before anything is
	 * appended.
	 * @throws LocalityNotAllowedException naming the items of other localities
	 */
	public List<IngestOutcome> acceptAll(List<JsonNode> items, Caller caller) {
		this.rules.requireCatalog();
		List<Integer> foreign = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			String locality = localityOf(items.get(i));
			if (locality != null && !this.scope.maySubmitFor(caller, locality)) {
				foreign.add(i);
			}
		}
		if (!foreign.isEmpty()) {
			foreign.forEach((i) -> this.metrics.rejected(localityOf(items.get(i)),
					IngestProblems.localityNotAllowed(notAllowed(caller, localityOf(items.get(i))))));
			throw new LocalityNotAllowedException(notAllowed(caller, "another locality") + "; items (from 0) "
					+ foreign + "; nothing of this batch was accepted");
		}
		List<IngestOutcome> outcomes = new ArrayList<>(items.size());
		List<Pending> appends = new ArrayList<>(items.size());
		Map<String, Sent> sent = new HashMap<>();
		for (int i = 0; i < items.size(); i++) {
			Judged judged = send(judge(items.get(i), caller), i, sent);
			outcomes.add(judged.outcome());
			appends.add(judged.pending());
		}
		for (int i = 0; i < items.size(); i++) {
			if (appends.get(i) != null) {
				outcomes.set(i, settled(appends.get(i)));
			}
			this.metrics.count(localityOf(items.get(i)), outcomes.get(i));
		}
		return outcomes;
	}

	/**
	 * Every line of an NDJSON stream, read and appended as it comes: memory stays the same for any length. A line
	 * for a locality the caller may not post for is refused on its own ({@code 403} in the summary), as the lines
	 * before it may already be appended.
	 */
	public ImportSummary importLines(InputStream body, Caller caller) {
		this.rules.requireCatalog();
		ImportSummary.Counter summary = new ImportSummary.Counter();
		Deque<Pending> inFlight = new ArrayDeque<>();
		Map<String, Sent> recent = new LinkedHashMap<>(IMPORT_MEMORY, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Sent> eldest) {
				return size() > IMPORT_MEMORY;
			}

		};
		NdjsonLines lines = new NdjsonLines(body, EVENT_LIMIT);
		long number = 0;
		try {
			NdjsonLines.Line line;
			while ((line = lines.next()) != null) {
				number = line.number();
				if (line.isBlank()) {
					continue;
				}
				Judged judged = line.tooLong() ? new Judged(IngestOutcome.rejected(null, lineTooLong(line)), null, null)
						: send(judge(line.bytes(), caller), number, recent);
				if (judged.pending() == null) {
					summary.add(number, judged.outcome());
					this.metrics.count(judged.localityCode(), judged.outcome());
					continue;
				}
				inFlight.add(judged.pending());
				if (inFlight.size() >= IMPORT_WINDOW) {
					settle(inFlight.poll(), summary);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The import stream broke off", ex);
		}
		finally {
			while (!inFlight.isEmpty()) {
				settle(inFlight.poll(), summary);
			}
		}
		summary.lines(number);
		return summary.summary();
	}

	private static ProblemDetail lineTooLong(NdjsonLines.Line line) {
		return RequestProblems.bodyTooLarge(EVENT_LIMIT,
				"Line " + line.number() + " has " + line.length() + " bytes; an event has at most " + EVENT_LIMIT);
	}

	private void settle(Pending pending, ImportSummary.Counter summary) {
		IngestOutcome outcome = settled(pending);
		summary.add(pending.line(), outcome);
		this.metrics.count(pending.localityCode(), outcome);
	}

	/**
	 * Appends what passed, unless the same request already sent that eventId: a copy of the same event shares the
	 * first one's fate (a duplicate once Kafka has it), a different event under it is a conflict.
	 */
	private Judged send(Judged judged, long line, Map<String, Sent> sent) {
		ApplicationEvent event = judged.toAppend();
		if (event == null) {
			return judged;
		}
		Sent first = sent.get(event.eventId());
		if (first == null) {
			CompletableFuture<Instant> append = this.log.appendAsync(event);
			sent.put(event.eventId(), new Sent(event, append));
			return judged.pending(new Pending(line, event.eventId(), judged.localityCode(), append, false));
		}
		if (!ApplicationLife.sameContent(first.event(), event)) {
			return new Judged(IngestOutcome.rejected(event.eventId(),
					IngestProblems.conflict(new EventIdConflictException(event.eventId()))), null,
					judged.localityCode());
		}
		return judged.pending(new Pending(line, event.eventId(), judged.localityCode(), first.append(), true));
	}

	private IngestOutcome settled(Pending pending) {
		try {
			Instant at = this.log.await(pending.append());
			return pending.copy() ? IngestOutcome.duplicate(pending.eventId(), at)
					: IngestOutcome.accepted(pending.eventId(), at);
		}
		catch (IngestRefusedException ex) {
			return IngestOutcome.rejected(pending.eventId(), IngestProblems.refused(ex));
		}
		catch (IngestUnavailableException ex) {
			return IngestOutcome.rejected(pending.eventId(), IngestProblems.unavailable());
		}
	}

	/** Reads, validates and checks one item (a tree of a batch, or the bytes of an import's line). */
	private Judged judge(Object item, Caller caller) {
		if (item == null || item instanceof JsonNode node && !node.isObject()) {
			return new Judged(IngestOutcome.rejected(null, RequestProblems.notOneObject()), null, null);
		}
		ApplicationEvent event = null;
		try {
			event = (item instanceof JsonNode node) ? this.json.treeToValue(node, ApplicationEvent.class)
					: this.json.readValue((byte[]) item, ApplicationEvent.class);
			if (event == null) {
				return new Judged(IngestOutcome.rejected(null, RequestProblems.notOneObject()), null, null);
			}
			Set<ConstraintViolation<ApplicationEvent>> violations = this.validator.validate(event);
			if (!violations.isEmpty()) {
				throw new InvalidFieldsException(RequestProblems.fieldProblems(violations));
			}
			if (!this.scope.maySubmitFor(caller, event.localityCode())) {
				return new Judged(IngestOutcome.rejected(event.eventId(),
						IngestProblems.localityNotAllowed(notAllowed(caller, event.localityCode()))), null,
						event.localityCode());
			}
			this.rules.check(event);
			Optional<IngestOutcome> duplicate = duplicate(event);
			if (duplicate.isPresent()) {
				return new Judged(duplicate.get(), null, event.localityCode());
			}
			return new Judged(new IngestOutcome(event.eventId(), IngestOutcome.Status.ACCEPTED, null, null), event,
					event.localityCode());
		}
		catch (JacksonException | InvalidFieldsException ex) {
			return new Judged(IngestOutcome.rejected(idOf(item, event), RequestProblems.problemOf(ex)), null,
					(event != null) ? event.localityCode() : null);
		}
		catch (EventIdConflictException ex) {
			return new Judged(IngestOutcome.rejected(event.eventId(), IngestProblems.conflict(ex)), null,
					event.localityCode());
		}
	}

	private static String notAllowed(Caller caller, String locality) {
		return "This token may post events of locality " + caller.locality() + " and the units merged into it only, "
				+ "not of " + locality;
	}

	/**
	 * An event whose eventId the application has already seen: the same content is a duplicate, answered as a
	 * success; different content is a conflict. While the state is restoring nothing is known, and the lifecycle
	 * still counts the event once.
	 */
	private Optional<IngestOutcome> duplicate(ApplicationEvent event) {
		Optional<RecordedEvent> seen;
		try {
			seen = this.queries.application(event.localityCode(), event.applicationId())
				.flatMap((state) -> state.event(event.eventId()));
		}
		catch (StateNotReadyException ex) {
			return Optional.empty();
		}
		if (seen.isEmpty()) {
			return Optional.empty();
		}
		if (!ApplicationLife.sameContent(seen.get().event(), event)) {
			throw new EventIdConflictException(event.eventId());
		}
		return Optional.of(IngestOutcome.duplicate(event.eventId(), seen.get().recordedAt()));
	}

	private static String idOf(Object item, ApplicationEvent event) {
		if (event != null) {
			return event.eventId();
		}
		if (item instanceof JsonNode node && node.get("eventId") != null && node.get("eventId").isString()) {
			return node.get("eventId").asString();
		}
		return null;
	}

	private static String localityOf(JsonNode item) {
		JsonNode locality = (item != null) ? item.get("localityCode") : null;
		return (locality != null && locality.isString()) ? locality.asString() : null;
	}

	/** An item judged: its outcome so far, the event to append if it passed, and once sent, its append. */
	private record Judged(IngestOutcome outcome, ApplicationEvent toAppend, String localityCode, Pending pending) {

		Judged(IngestOutcome outcome, ApplicationEvent toAppend, String localityCode) {
			this(outcome, toAppend, localityCode, null);
		}

		Judged pending(Pending pending) {
			return new Judged(this.outcome, this.toAppend, this.localityCode, pending);
		}

	}

	/** An append awaited; {@code copy} when it is the append of an earlier item with the same event. */
	private record Pending(long line, String eventId, String localityCode, CompletableFuture<Instant> append,
			boolean copy) {
	}

	private record Sent(ApplicationEvent event, CompletableFuture<Instant> append) {
	}

}
