package vn.dvcpulse.aggregator.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import vn.dvcpulse.aggregator.domain.DistinctCitizens;
import vn.dvcpulse.aggregator.domain.Granularity;
import vn.dvcpulse.contract.rollup.Counts;

/**
 * The month, quarter and year rollups with their partitions' parts already added up, and their sketches merged,
 * in memory: what a ranking reads. Summing the parts at each query cost a yearly ranking 18 ms of CPU (11,000 parts
 * and 200 sketch unions); kept merged, the same ranking reads 1,800 totals. Days, far more numerous and rarely
 * ranked, are summed from the global table when asked for.
 * <p>
 * Kept by the global stores' update processors ({@link #counting}, {@link #sketching}), on the global stream thread:
 * each first builds its view from the store it keeps, once the store has been restored, then applies every update
 * as a difference (a part's new counts less its previous ones; a part's sketch only grows, so merging the new state
 * in is enough). About 250 bytes per total and 4 KB per sketch: a few MB a year.
 */
public final class MergedRollups {

	private final ConcurrentSkipListMap<String, Counts> totals = new ConcurrentSkipListMap<>();

	private final ConcurrentSkipListMap<String, byte[]> sketches = new ConcurrentSkipListMap<>();

	private volatile boolean totalsBuilt;

	private volatile boolean sketchesBuilt;

	static boolean kept(String key) {
		return !key.startsWith(Granularity.DAY.prefix() + "|");
	}

	/** The totals of the periods, at a granularity other than days. */
	List<Rollups.Entry> between(Granularity granularity, String firstPeriod, String lastPeriod) {
		requireBuilt(this.totalsBuilt);
		List<Rollups.Entry> entries = new ArrayList<>();
		range(this.totals, granularity, firstPeriod, lastPeriod)
			.forEach((key, counts) -> entries.add(new Rollups.Entry(RollupKey.parse(key), counts)));
		return entries;
	}

	List<Rollups.Sketch> distinctCitizens(Granularity granularity, String firstPeriod, String lastPeriod) {
		requireBuilt(this.sketchesBuilt);
		List<Rollups.Sketch> found = new ArrayList<>();
		range(this.sketches, granularity, firstPeriod, lastPeriod)
			.forEach((key, state) -> found.add(new Rollups.Sketch(RollupKey.parse(key), state)));
		return found;
	}

	private static void requireBuilt(boolean built) {
		if (!built) {
			throw new FiguresNotReadyException(new IllegalStateException("The merged rollups are being built"));
		}
	}

	private static <V> NavigableMap<String, V> range(NavigableMap<String, V> map, Granularity granularity,
			String firstPeriod, String lastPeriod) {
		return map.subMap(RollupKey.first(granularity, firstPeriod), true, RollupKey.last(granularity, lastPeriod),
				true);
	}

	/** Keeps the global rollups store and the merged totals. */
	Processor<String, Counts, Void, Void> counting(String storeName) {
		return new GlobalUpdates<>(storeName) {

			@Override
			void forget() {
				MergedRollups.this.totalsBuilt = false;
				MergedRollups.this.totals.clear();
			}

			@Override
			void built() {
				MergedRollups.this.totalsBuilt = true;
			}

			@Override
			void merge(String whole, Counts before, Counts after) {
				Counts change = ((after != null) ? after : Counts.NONE).subtract((before != null) ? before : Counts.NONE);
				MergedRollups.this.totals.merge(whole, change, Counts::add);
			}

		};
	}

	/** Keeps the global sketches store and the merged sketches. */
	Processor<String, byte[], Void, Void> sketching(String storeName) {
		return new GlobalUpdates<>(storeName) {

			@Override
			void forget() {
				MergedRollups.this.sketchesBuilt = false;
				MergedRollups.this.sketches.clear();
			}

			@Override
			void built() {
				MergedRollups.this.sketchesBuilt = true;
			}

			@Override
			void merge(String whole, byte[] before, byte[] after) {
				if (after != null) {
					MergedRollups.this.sketches.merge(whole, after.clone(),
							(merged, part) -> DistinctCitizens.union(List.of(merged, part)));
				}
			}

		};
	}

	/** Puts each update in the global store, as Kafka Streams would, and merges it into the view. */
	private abstract static class GlobalUpdates<V> implements Processor<String, V, Void, Void> {

		private final String storeName;

		private KeyValueStore<String, V> store;

		GlobalUpdates(String storeName) {
			this.storeName = storeName;
		}

		/** Drops the view, to build it again from the store. */
		abstract void forget();

		/** The view holds all the store did. */
		abstract void built();

		abstract void merge(String whole, V before, V after);

		@Override
		public void init(ProcessorContext<Void, Void> context) {
			this.store = context.getStateStore(this.storeName);
			// the store is restored before the processor starts: the view begins from what it holds
			forget();
			try (KeyValueIterator<String, V> all = this.store.all()) {
				while (all.hasNext()) {
					KeyValue<String, V> part = all.next();
					if (kept(part.key)) {
						merge(RollupKey.whole(part.key), null, part.value);
					}
				}
			}
			built();
		}

		@Override
		public void process(Record<String, V> record) {
			V before = this.store.get(record.key());
			if (record.value() != null) {
				this.store.put(record.key(), record.value());
			}
			else {
				this.store.delete(record.key());
			}
			if (kept(record.key())) {
				merge(RollupKey.whole(record.key()), before, record.value());
			}
		}

	}

}
