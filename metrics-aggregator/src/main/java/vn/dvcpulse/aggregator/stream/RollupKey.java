package vn.dvcpulse.aggregator.stream;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import vn.dvcpulse.aggregator.domain.Granularity;

/**
 * The key of a rollup: {@code M|2025-08|01|P06-03}. Granularity and period lead, so all entries of a run of periods
 * are one key range. The global tables keep each partition's part of a rollup under {@code M|2025-08|01|P06-03#3},
 * in the same range; a reader adds the parts up.
 *
 * @param granularity the granularity
 * @param period      the period's name
 * @param locality    the locality as recorded
 * @param service     the service; none for distinct applicants, counted across services
 */
public record RollupKey(Granularity granularity, String period, String locality, String service) {

	private static final char PART = '#';

	public static String of(Granularity granularity, String period, String locality, String service) {
		return granularity.prefix() + "|" + period + "|" + locality + "|" + service;
	}

	/** The key of a locality's distinct applicants in a period: {@code Y|2025|01}. */
	public static String ofCitizens(Granularity granularity, String period, String locality) {
		return granularity.prefix() + "|" + period + "|" + locality;
	}

	/**
	 * The keys of the periods, at each of the granularities given (a month's or coarser), that hold a month's rollup:
	 * {@code M|2025-08|01|P06-03 → M|2025-08|01|P06-03, Q|2025-Q3|01|P06-03, Y|2025|01|P06-03} at month, quarter and
	 * year; likewise for distinct applicants' keys, which have no service.
	 */
	static List<String> periodsHolding(String monthKey, Set<Granularity> granularities) {
		int periodEnd = monthKey.indexOf('|', 2);
		LocalDate start = Granularity.MONTH.start(monthKey.substring(2, periodEnd));
		String rest = monthKey.substring(periodEnd);
		List<String> holding = new ArrayList<>(granularities.size());
		for (Granularity granularity : granularities) {
			holding.add(granularity.prefix() + "|" + granularity.periodOf(start) + rest);
		}
		return holding;
	}

	/** The key of one partition's part of a rollup. */
	static String part(String key, int partition) {
		return key + PART + partition;
	}

	/** The first key of every period at a granularity. */
	static String first(Granularity granularity) {
		return granularity.prefix() + "|";
	}

	/** Past the last key of every period at a granularity. */
	static String last(Granularity granularity) {
		return granularity.prefix() + "|~";
	}

	static String first(Granularity granularity, String period) {
		return granularity.prefix() + "|" + period + "|";
	}

	static String last(Granularity granularity, String period) {
		return granularity.prefix() + "|" + period + "|~";
	}

	/** The key of the whole rollup that a part's key belongs to. */
	static String whole(String key) {
		int part = key.lastIndexOf(PART);
		return (part >= 0) ? key.substring(0, part) : key;
	}

	/** The rollup a key names, whichever partition's part it is. */
	static RollupKey parse(String key) {
		String[] parts = whole(key).split("\\|");
		return new RollupKey(Granularity.ofPrefix(parts[0]), parts[1], parts[2],
				(parts.length > 3) ? parts[3] : null);
	}

}
