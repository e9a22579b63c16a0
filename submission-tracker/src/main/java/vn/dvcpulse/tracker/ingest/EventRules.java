package vn.dvcpulse.tracker.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.dvcpulse.contract.ReceiptPeriods;
import vn.dvcpulse.contract.catalog.CatalogFeed;
import vn.dvcpulse.contract.catalog.CatalogLookup;
import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.event.EventType;
import vn.dvcpulse.contract.problem.FieldProblem;
import vn.dvcpulse.contract.problem.InvalidFieldsException;
import vn.dvcpulse.contract.problem.ProblemType;

/**
 * The checks an event passes before it is accepted, beyond its fields' own annotations: what each type must carry,
 * when it may have happened, and that its service and locality are in the catalog at that time. An event failing
 * any of them reaches no topic.
 */
@Component
public class EventRules {

	/** Clocks of local systems drift: a little of the future is tolerated, more is a mistake. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	/** Nothing earlier is tracked. */
	static final Instant EARLIEST = ReceiptPeriods.startOf(ReceiptPeriods.ERA_START);

	/** No promise runs past this: a due time later is a mistake (and past what the figures' arithmetic holds). */
	static final Duration LONGEST_DUE = Duration.ofDays(10 * 366);

	/** The 9-digit identity card (CMND) and 12-digit citizen identity card (CCCD) numbers. */
	private static final Pattern RAW_ID = Pattern.compile("\\d{9}|\\d{12}");

	/** The one form of a citizen's pseudonym: HMAC-SHA-256 of the ID number with the local system's secret, in hex. */
	private static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");

	private final CatalogFeed catalog;

	private final Clock clock;

	public EventRules(CatalogFeed catalog, Clock clock) {
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * Nothing is judged before the catalog is read: a valid event refused as of an unknown service would never be
	 * posted again, while a {@code 503} is retried.
	 * @throws IngestUnavailableException until the catalog feed has read its topics to their end
	 */
	public void requireCatalog() {
		if (!this.catalog.isCaughtUp() || this.catalog.get().catalogVersion() == 0) {
			throw new IngestUnavailableException("The catalog is not read yet", null);
		}
	}

	/** The checks, once the door has called {@link #requireCatalog()} for the request. */
	public void check(ApplicationEvent event) {
		checkTypeFields(event);
		checkCitizenRef(event);
		checkTime(event);
		checkCatalog(event);
	}

	private static void checkTypeFields(ApplicationEvent event) {
		List<FieldProblem> problems = new ArrayList<>();
		if (event.type() == EventType.SUBMITTED) {
			if (event.channel() == null) {
				problems.add(FieldProblem.missing("channel", "one of ONLINE, IN_PERSON, POSTAL on SUBMITTED"));
			}
			else if (event.channel().isOnline() && event.onlineLevel() == null) {
				problems.add(FieldProblem.missing("onlineLevel", "FULL or PARTIAL when the channel is ONLINE"));
			}
		}
		if (event.type() == EventType.RATED) {
			if (event.satisfaction() == null) {
				problems.add(FieldProblem.missing("satisfaction", "a whole number from 1 to 5 on RATED"));
			}
			else if (event.satisfaction() < 1 || event.satisfaction() > 5) {
				problems.add(FieldProblem.invalid("satisfaction", "a whole number from 1 to 5",
						event.satisfaction()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
	}

	/**
	 * A citizen is referred to by a keyed hash the local system computes, never by an ID card number: anything but
	 * 64 lowercase hex digits is refused, and never echoed back.
	 */
	private static void checkCitizenRef(ApplicationEvent event) {
		if (event.citizenRef() == null || PSEUDONYM.matcher(event.citizenRef()).matches()) {
			return;
		}
		String digits = event.citizenRef().replaceAll("[^0-9]", "");
		ProblemType type = RAW_ID.matcher(digits).matches() ? ProblemType.RAW_CITIZEN_ID : ProblemType.INVALID_FIELD;
		throw new InvalidFieldsException(type, List.of(FieldProblem.invalid("citizenRef",
				"64 lowercase hex digits: HMAC-SHA-256 of the applicant's ID number with the local system's own secret,"
						+ " never the number itself",
				"(withheld)")));
	}

	private void checkTime(ApplicationEvent event) {
		Instant occurredAt = event.occurredAt().toInstant();
		Instant latest = this.clock.instant().plus(CLOCK_SKEW);
		if (occurredAt.isAfter(latest) || occurredAt.isBefore(EARLIEST)) {
			throw new InvalidFieldsException(ProblemType.OUT_OF_TIME_RANGE,
					List.of(FieldProblem.invalid("occurredAt",
							"a time from 2020-01-01 (Viet Nam) to no more than 5 minutes from now",
							event.occurredAt().toString())));
		}
		if (event.dueAt() != null && (event.dueAt().toInstant().isBefore(EARLIEST)
				|| event.dueAt().toInstant().isAfter(occurredAt.plus(LONGEST_DUE)))) {
			throw new InvalidFieldsException(ProblemType.OUT_OF_TIME_RANGE, List.of(FieldProblem.invalid("dueAt",
					"a time from 2020-01-01 (Viet Nam) to no more than 10 years after occurredAt",
					event.dueAt().toString())));
		}
	}

	/**
	 * An application is received by a unit in force that day; its later steps keep the code it was received under,
	 * even after a merger retired it (Hà Giang's June applications completed in August are still 02's).
	 */
	private static boolean localityFits(ApplicationEvent event, CatalogLookup lookup) {
		if (event.type() == EventType.SUBMITTED) {
			return lookup.locality(event.localityCode(), event.occurredAt().toInstant()).isPresent();
		}
		LocalDate day = ReceiptPeriods.dayOf(event.occurredAt().toInstant());
		return lookup.versionsOf(event.localityCode()).stream().anyMatch((unit) -> !unit.validFrom().isAfter(day));
	}

	private void checkCatalog(ApplicationEvent event) {
		CatalogLookup lookup = this.catalog.get();
		if (!lookup.isKnownService(event.serviceCode())) {
			throw new InvalidFieldsException(ProblemType.UNKNOWN_SERVICE, List.of(FieldProblem.invalid(
					"serviceCode", "the code of one of the 53 essential services, e.g. P06-03", event.serviceCode())));
		}
		if (!localityFits(event, lookup)) {
			throw new InvalidFieldsException(ProblemType.LOCALITY_NOT_IN_FORCE, List.of(FieldProblem.invalid(
					"localityCode", "a locality code in force on " + ReceiptPeriods.dayOf(event.occurredAt().toInstant())
							+ " (Viet Nam time), see /api/v1/catalog/localities?at=that day",
					event.localityCode())));
		}
	}

}
