package vn.dvcpulse.aggregator.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

import vn.dvcpulse.aggregator.domain.DistinctCitizens;
import vn.dvcpulse.aggregator.domain.Granularity;
import vn.dvcpulse.contract.rollup.Counts;

/**
 * The rollups of every instance, read by key range from the global tables this instance keeps of them, each the sum
 * of the parts the partitions published.
 */
@Component
public class Rollups {

	private final KafkaStreamsInteractiveQueryService queries;

	Rollups(KafkaStreamsInteractiveQueryService queries) {
		this.queries = queries;
	}

	/** Every rollup entry of the periods from {@code firstPeriod} to {@code lastPeriod}, at one granularity. */
	public List<Entry> between(Granularity granularity, String firstPeriod, String lastPeriod) {
		// one store per instance, the global table's; its keys are sorted, so a rollup's parts come one after another
		List<Entry> entries = new ArrayList<>();
		try (KeyValueIterator<String, Counts> range = store().range(RollupKey.first(granularity, firstPeriod),
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

	/** Every distinct-applicant sketch of the periods, at one granularity (none are kept per day). */
	public List<Sketch> distinctCitizens(Granularity granularity, String firstPeriod, String lastPeriod) {
		List<Sketch> sketches = new ArrayList<>();
		if (!RollupTopology.CITIZEN_PERIODS.contains(granularity)) {
			return sketches;
		}
		Map<RollupKey, List<byte[]>> parts = new LinkedHashMap<>();
		try (KeyValueIterator<String, byte[]> range = this.<byte[]>store(RollupTopology.DISTINCT_CITIZENS)
			.range(RollupKey.first(granularity, firstPeriod), RollupKey.last(granularity, lastPeriod))) {
			while (range.hasNext()) {
				KeyValue<String, byte[]> part = range.next();
				parts.computeIfAbsent(RollupKey.parse(part.key), (key) -> new ArrayList<>()).add(part.value);
			}
		}
		catch (InvalidStateStoreException ex) {
			throw new FiguresNotReadyException(ex);
		}
		parts.forEach((key, states) -> sketches
			.add(new Sketch(key, (states.size() == 1) ? states.get(0) : DistinctCitizens.union(states))));
		return sketches;
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
