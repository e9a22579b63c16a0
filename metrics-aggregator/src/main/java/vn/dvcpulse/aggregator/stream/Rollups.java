package vn.dvcpulse.aggregator.stream;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

import vn.dvcpulse.aggregator.domain.Counts;
import vn.dvcpulse.aggregator.domain.Granularity;

/**
 * The rollups of every instance, each the sum of the parts the partitions published: months, quarters and years from
 * the merged view of the global tables ({@link MergedRollups}), days summed from the global table itself. Figures are
 * served only while the streams client serves its stores.
 */
@Component
public class Rollups {

	private final KafkaStreamsInteractiveQueryService queries;

	private final MergedRollups merged;

	Rollups(KafkaStreamsInteractiveQueryService queries, MergedRollups merged) {
		this.queries = queries;
		this.merged = merged;
	}

	/** Every rollup entry of the periods from {@code firstPeriod} to {@code lastPeriod}, at one granularity. */
	public List<Entry> between(Granularity granularity, String firstPeriod, String lastPeriod) {
		ReadOnlyKeyValueStore<String, Counts> store = store();
		if (MergedRollups.KEPT.contains(granularity)) {
			return this.merged.between(granularity, firstPeriod, lastPeriod);
		}
		// one store per instance, the global table's; its keys are sorted, so a rollup's parts come one after another
		List<Entry> entries = new ArrayList<>();
		try (KeyValueIterator<String, Counts> range = store.range(RollupKey.first(granularity, firstPeriod),
				RollupKey.last(granularity, lastPeriod))) {
			String rollup = null;
			Counts total = null;
			while (range.hasNext()) {
				KeyValue<String, Counts> part = range.next();
				String partOf = RollupKey.whole(part.key);
				if (!partOf.equals(rollup)) {
					if (rollup != null) {
						entries.add(new Entry(RollupKey.parse(rollup), total));
					}
					rollup = partOf;
					total = part.value;
				}
				else {
					total = total.add(part.value);
				}
			}
			if (rollup != null) {
				entries.add(new Entry(RollupKey.parse(rollup), total));
			}
		}
		catch (InvalidStateStoreException ex) {
			throw new FiguresNotReadyException(ex);
		}
		return entries;
	}

	/**
	 * A number that changes whenever any figure read here may have: answers computed after reading it hold while it
	 * reads the same (see {@link MergedRollups#changes()}).
	 * @throws FiguresNotReadyException while the streams client does not serve its stores, as every read here
	 */
	public long changes() {
		store();
		return this.merged.changes();
	}

	/** Every distinct-applicant sketch of the periods, at one granularity (none are kept per day). */
	public List<Sketch> distinctCitizens(Granularity granularity, String firstPeriod, String lastPeriod) {
		if (!RollupTopology.CITIZEN_PERIODS.contains(granularity)) {
			return List.of();
		}
		store(RollupTopology.DISTINCT_CITIZENS);
		return this.merged.distinctCitizens(granularity, firstPeriod, lastPeriod);
	}

	private ReadOnlyKeyValueStore<String, Counts> store() {
		return store(RollupTopology.ROLLUPS);
	}

	private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
		try {
			return this.queries.retrieveQueryableStore(name, QueryableStoreTypes.keyValueStore());
		}
		catch (IllegalStateException ex) {
			// the streams client is not started, or the store stayed unavailable through the retries
			throw new FiguresNotReadyException(ex);
		}
	}

	public record Entry(RollupKey key, Counts counts) {
	}

	/** A distinct-applicant sketch; its key has no service. */
	public record Sketch(RollupKey key, byte[] state) {
	}

}
