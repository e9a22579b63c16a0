package vn.dvcpulse.aggregator.stream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

import vn.dvcpulse.aggregator.domain.ReceiptCounts;

/** The receipts of every locality, read from the aggregator's own state store. */
@Component
public class LocalityReceipts {

	private final KafkaStreamsInteractiveQueryService queries;

	LocalityReceipts(KafkaStreamsInteractiveQueryService queries) {
		this.queries = queries;
	}

	/** Every locality that received anything, in code order (the store spans partitions, so it is sorted here). */
	public List<LocalityReceipt> all() {
		List<LocalityReceipt> receipts = new ArrayList<>();
		try (KeyValueIterator<String, ReceiptCounts> all = store().all()) {
			while (all.hasNext()) {
				KeyValue<String, ReceiptCounts> next = all.next();
				receipts.add(new LocalityReceipt(next.key, next.value));
			}
		}
		catch (InvalidStateStoreException ex) {
			// starting, rebalancing or restoring: the figures exist, they are just not servable yet
			throw new FiguresNotReadyException(ex);
		}
		receipts.sort(Comparator.comparing(LocalityReceipt::localityCode));
		return receipts;
	}

	private ReadOnlyKeyValueStore<String, ReceiptCounts> store() {
		try {
			return this.queries.retrieveQueryableStore(ReceiptTopology.RECEIPTS_BY_LOCALITY,
					QueryableStoreTypes.keyValueStore());
		}
		catch (IllegalStateException ex) {
			// the streams client is not started, or the store stayed unavailable through the retries
			throw new FiguresNotReadyException(ex);
		}
	}

	public record LocalityReceipt(String localityCode, ReceiptCounts counts) {
	}

}
