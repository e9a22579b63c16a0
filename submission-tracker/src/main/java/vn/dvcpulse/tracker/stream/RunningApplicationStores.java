package vn.dvcpulse.tracker.stream;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Component;

import vn.dvcpulse.tracker.domain.ApplicationState;

/**
 * The applications' store of each partition whose lifecycle runs in this instance, as its processor was handed it,
 * kept from the processor's start (after the partition's state is restored) to its close (before the store closes).
 * The door reads an application's state here for every event: asking Kafka Streams for the store resolves it anew at
 * each read (a set of the thread's tasks built per call), which was a tenth of the door's CPU under batched load.
 * These are the very store objects interactive queries hand out, read the same way from another thread.
 */
@Component
public class RunningApplicationStores {

	private final Map<Integer, ReadOnlyKeyValueStore<String, ApplicationState>> byPartition = new ConcurrentHashMap<>();

	void started(int partition, ReadOnlyKeyValueStore<String, ApplicationState> store) {
		this.byPartition.put(partition, store);
	}

	void closed(int partition, ReadOnlyKeyValueStore<String, ApplicationState> store) {
		this.byPartition.remove(partition, store);
	}

	/** The store of {@code partition} if its lifecycle runs here now; it may still close while being read. */
	public Optional<ReadOnlyKeyValueStore<String, ApplicationState>> of(int partition) {
		return Optional.ofNullable(this.byPartition.get(partition));
	}

}
