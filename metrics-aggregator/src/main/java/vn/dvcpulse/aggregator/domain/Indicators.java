package vn.dvcpulse.aggregator.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import vn.dvcpulse.contract.catalog.CatalogLookup;
import vn.dvcpulse.contract.catalog.EssentialService;
import vn.dvcpulse.contract.catalog.Indicator;

/**
 * The official indicators (reference/metrics-definitions.md, the Decision 766 index as DVCQG computes it), each a
 * rate with its counts, for one locality (or the nation) over a period of receipt. The one home of every formula.
 *
 * @param volume              applications received
 * @param onlineSubmission    received online ÷ all received
 * @param fullProcessOnline   received online at level FULL ÷ received, over services eligible for full-process
 * @param onTime              completed on or before the due time ÷ completed with a due time
 * @param overdueInProgress   applications neither completed nor withdrawn whose due time has passed, now
 * @param onlinePayment       paid online ÷ received, over fee-bearing services
 * @param digitisation        with digitised components ÷ received
 * @param dataReuse           reusing digitised data ÷ received
 * @param electronicResult    completed with an electronic result ÷ completed
 * @param satisfied           rated 4 or 5 ÷ rated
 * @param averageSatisfaction the mean rating, 1 to 5 (two places), {@code null} when none was rated
 * @param withdrawn           applications withdrawn
 * @param asOf                the latest time of any milestone counted
 */
public record Indicators(long volume, Rate onlineSubmission, Rate fullProcessOnline, Rate onTime,
		long overdueInProgress, Rate onlinePayment, Rate digitisation, Rate dataReuse, Rate electronicResult, Rate satisfied,
		BigDecimal averageSatisfaction, long withdrawn, Instant asOf) {

	/** Every rate of the indicators by its name in the API, in the order answers list them. */
	public static final Map<String, Function<Indicators, Rate>> RATES = rates();

	/** The version of these definitions: answers name it so a figure can be reproduced. */
	public static final String DEFINITIONS_VERSION = "766-dvcqg-2026.1";

	/** The online-submission rate: applications received online ÷ all applications received. */
	public static Rate onlineSubmission(Counts counts) {
		return new Rate(counts.receivedOnline(), counts.received());
	}

	/** The indicators of counts kept per service; the catalog says which services are eligible or bear a fee. */
	public static Indicators of(Map<String, Counts> byService, CatalogLookup catalog) {
		Counts all = sum(byService, (code) -> true);
		Counts eligible = sum(byService, (code) -> catalog.service(code)
			.map(EssentialService::fullProcessEligible)
			.orElse(false) == Boolean.TRUE);
		Counts feeBearing = sum(byService, (code) -> catalog.service(code)
			.map(EssentialService::feeBearing)
			.orElse(false) == Boolean.TRUE);
		BigDecimal average = (all.rated() == 0) ? null
				: BigDecimal.valueOf(all.satisfactionSum()).divide(BigDecimal.valueOf(all.rated()), 2,
						RoundingMode.HALF_EVEN);
		return new Indicators(all.received(), onlineSubmission(all),
				new Rate(eligible.receivedOnlineFull(), eligible.received()),
				new Rate(all.completedOnTime(), all.completedWithDue()), all.overdueInProgress(),
				new Rate(feeBearing.paidOnline(), feeBearing.received()), new Rate(all.digitized(), all.received()),
				new Rate(all.reusedData(), all.received()), new Rate(all.electronicResult(), all.completed()),
				new Rate(all.satisfied(), all.rated()), average, all.withdrawn(), all.asOf());
	}

	/**
	 * The measured rate of an indicator that has a target. The procedure-level indicators (procedures offered online,
	 * procedures payable online) and adults using online services are not measured from applications here.
	 */
	public Optional<Rate> measure(Indicator indicator) {
		return Optional.ofNullable(switch (indicator) {
			case ONLINE_SUBMISSION -> this.onlineSubmission;
			case DIGITISATION -> this.digitisation;
			case DATA_REUSE -> this.dataReuse;
			// the share rated 4 or 5 stands in for DVCQG's satisfaction, which also subtracts complaints
			case SATISFACTION -> this.satisfied;
			case PROCEDURES_ONLINE, PAYABLE_ONLINE_PROCEDURES, ADULTS_USING_ONLINE -> null;
		});
	}

	private static Map<String, Function<Indicators, Rate>> rates() {
		Map<String, Function<Indicators, Rate>> rates = new LinkedHashMap<>();
		rates.put("onlineSubmission", Indicators::onlineSubmission);
		rates.put("fullProcessOnline", Indicators::fullProcessOnline);
		rates.put("onTime", Indicators::onTime);
		rates.put("onlinePayment", Indicators::onlinePayment);
		rates.put("digitisation", Indicators::digitisation);
		rates.put("dataReuse", Indicators::dataReuse);
		rates.put("electronicResult", Indicators::electronicResult);
		rates.put("satisfied", Indicators::satisfied);
		return Collections.unmodifiableMap(rates);
	}

	private static Counts sum(Map<String, Counts> byService, Predicate<String> services) {
		return byService.entrySet().stream()
			.filter((entry) -> services.test(entry.getKey()))
			.map(Map.Entry::getValue)
			.reduce(Counts.NONE, Counts::add);
	}

}
