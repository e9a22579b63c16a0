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

	/** Nothing earlier is tracked: the essential-service programmes began in 2022. */
	static final Instant EARLIEST = LocalDate.of(2020, 1, 1).atStartOfDay(ReceiptPeriods.ZONE).toInstant();

	/** The 9-digit identity card (CMND) and 12-digit citizen identity card (CCCD) numbers. */
	private static final Pattern RAW_ID = Pattern.compile("\\d{9}|\\d{12}");

	private final CatalogFeed catalog;

	private final Clock clock;

	public EventRules(CatalogFeed catalog, Clock clock) {
		this.catalog = catalog;
		this.clock = clock;
	}

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

	/** A citizen is referred to by a salted hash the local system computes, never by an ID card number. */
	private static void checkCitizenRef(ApplicationEvent event) {
		if (event.citizenRef() != null && RAW_ID.matcher(event.citizenRef().trim()).matches()) {
			throw new InvalidFieldsException(ProblemType.RAW_CITIZEN_ID, List.of(FieldProblem.invalid("citizenRef",
					"a salted hash of the applicant computed by the local system, never an ID card number",
					"(withheld)")));
		}
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
