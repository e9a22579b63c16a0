package vn.dvcpulse.tracker.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

import vn.dvcpulse.contract.ApplicationKey;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.rejection.Rejection;
import vn.dvcpulse.tracker.domain.ApplicationState;

/** What submitters may read of the tracker's state: an application's history, and the rejection feed. */
@Component
public class TrackerQueries {

	private final KafkaStreamsInteractiveQueryService queries;

	private final StreamsBuilderFactoryBean streams;

	private final RunningApplicationStores running;

	TrackerQueries(KafkaStreamsInteractiveQueryService queries, StreamsBuilderFactoryBean streams,
			RunningApplicationStores running) {
		this.queries = queries;
		this.streams = streams;
		this.running = running;
	}

	/**
	 * The application's state, read from the store of its key's partition only, as its running lifecycle holds it
	 * ({@link RunningApplicationStores}): the door asks this for every event (is it a duplicate?), and asking every
	 * local partition's store cost 13 % of the tracker's CPU for a batch. Where that partition's lifecycle does not
	 * run here (another instance holds it, it is restoring or moving), every local store is asked through Kafka
	 * Streams, as a key-agnostic query would. Kafka Streams tells a key's partition only when each instance names its
	 * endpoint ({@code application.server} in application.yml); without it every look-up would take the slow way.
	 */
	public Optional<ApplicationState> application(String localityCode, String applicationId) {
		String key = ApplicationKey.of(localityCode, applicationId);
		KafkaStreams client = this.streams.getKafkaStreams();
		if (client != null) {
			try {
				KeyQueryMetadata where = client.queryMetadataForKey(ApplicationLifecycle.APPLICATIONS, key,
						Topics.SUBMISSIONS.keySerde().serializer());
				Optional<ReadOnlyKeyValueStore<String, ApplicationState>> store = (where != null
						&& where.partition() >= 0) ? this.running.of(where.partition()) : Optional.empty();
				if (store.isPresent()) {
					return Optional.ofNullable(store.get().get(key));
				}
			}
			catch (InvalidStateStoreException ex) {
				// closed while being read (the partition moves): ask every local store below
			}
		}
		try {
			return Optional.ofNullable(this.<ApplicationState>store(ApplicationLifecycle.APPLICATIONS).get(key));
		}
		catch (InvalidStateStoreException ex) {
			throw new StateNotReadyException(ex);
		}
	}

	/**
	 * One page of a locality's rejections, oldest first, judged at or after {@code since}.
	 * @param after the {@link RejectionPage#next()} of the previous page, or {@code null} for the first
	 */
	public RejectionPage rejections(String localityCode, Instant since, String after, int limit) {
		String from = (after != null) ? after : RejectionFeed.key(localityCode, since, "");
		String to = RejectionFeed.end(localityCode);
		KafkaStreams client = this.streams.getKafkaStreams();
		if (client == null) {
			throw new StateNotReadyException(new IllegalStateException("The stream processor is not started"));
		}
		// each partition's range is ordered: at most limit + 1 of each, then merged, whatever the range holds
		List<KeyValue<String, Rejection>> found = new ArrayList<>();
		for (int partition = 0; partition < Topics.SUBMISSIONS.partitions(); partition++) {
			ReadOnlyKeyValueStore<String, Rejection> store;
			try {
				store = client.store(StoreQueryParameters
					.fromNameAndType(ApplicationLifecycle.REJECTIONS, QueryableStoreTypes.<String, Rejection>keyValueStore())
					.withPartition(partition));
			}
			catch (InvalidStateStoreException ex) {
				continue; // not a partition of this instance
			}
			try (KeyValueIterator<String, Rejection> range = store.range(from, to)) {
				int taken = 0;
				while (range.hasNext() && taken <= limit) {
					KeyValue<String, Rejection> entry = range.next();
					if (!entry.key.equals(after)) {
						found.add(entry);
						taken++;
					}
				}
			}
			catch (InvalidStateStoreException ex) {
				throw new StateNotReadyException(ex);
			}
		}
		found.sort(Comparator.comparing((KeyValue<String, Rejection> entry) -> entry.key));
		List<KeyValue<String, Rejection>> page = found.subList(0, Math.min(limit, found.size()));
		String next = (found.size() > limit) ? page.get(page.size() - 1).key : null;
		return new RejectionPage(page.stream().map((entry) -> entry.value).toList(), next);
	}

	/** Whether {@code cursor} is a key of {@code localityCode}'s rejections, as a page's {@code next} is. */
	public static boolean isCursorOf(String localityCode, String cursor) {
		return RejectionFeed.isKeyOf(localityCode, cursor);
	}

	/** Events waiting for their application's SUBMITTED, on this instance's partitions. */
	public long heldEvents() {
		long held = 0;
		try (KeyValueIterator<String, Long> counters = this.<Long>store(ApplicationLifecycle.COUNTERS).all()) {
			while (counters.hasNext()) {
				KeyValue<String, Long> counter = counters.next();
				if (counter.key.startsWith("held/")) {
					held += counter.value;
				}
			}
		}
		catch (InvalidStateStoreException ex) {
			throw new StateNotReadyException(ex);
		}
		return held;
	}

	private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
		try {
			return this.queries.retrieveQueryableStore(name, QueryableStoreTypes.keyValueStore());
		}
		catch (IllegalStateException ex) {
			throw new StateNotReadyException(ex);
		}
	}

	/**
	 * @param rejections the page
	 * @param next       the cursor of the next page, {@code null} on the last
	 */
	public record RejectionPage(List<Rejection> rejections, String next) {
	}

}
