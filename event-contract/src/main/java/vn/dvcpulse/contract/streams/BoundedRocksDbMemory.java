package vn.dvcpulse.contract.streams;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * One block cache and one memtable budget for all the RocksDB stores of a process, instead of RocksDB's defaults per
 * store (a 50 MB block cache and up to three 16 MB memtables each): the aggregator opens a store per state store and
 * partition, and its resident memory was most of it RocksDB's. Set with {@code rocksdb.config.setter}; the budget,
 * {@value #TOTAL_BYTES_CONFIG} in the streams properties, is read when the first store opens.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {

	/** The whole off-heap budget of a process's stores in bytes, block cache and memtables together. */
	public static final String TOTAL_BYTES_CONFIG = "dvc.rocksdb.total-bytes";

	static final long DEFAULT_TOTAL_BYTES = 128L * 1024 * 1024;

	/** Memtables may take this share of the budget; the rest caches blocks, indexes and filters. */
	private static final double MEMTABLE_SHARE = 0.5;

	private static final double INDEX_AND_FILTER_SHARE = 0.1;

	private static Cache cache;

	private static WriteBufferManager writeBuffers;

	@Override
	public void setConfig(String storeName, Options options, Map<String, Object> configs) {
		BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
		synchronized (BoundedRocksDbMemory.class) {
			if (cache == null) {
				long total = totalBytes(configs.get(TOTAL_BYTES_CONFIG));
				cache = new LRUCache(total, -1, false, INDEX_AND_FILTER_SHARE);
				writeBuffers = new WriteBufferManager((long) (total * MEMTABLE_SHARE), cache);
			}
			table.setBlockCache(cache);
			options.setWriteBufferManager(writeBuffers);
		}
		// indexes and filters count against the budget too, and stay cached before data blocks
		table.setCacheIndexAndFilterBlocks(true);
		table.setCacheIndexAndFilterBlocksWithHighPriority(true);
		table.setPinTopLevelIndexAndFilter(true);
		options.setTableFormatConfig(table);
	}

	static long totalBytes(Object configured) {
		if (configured == null) {
			return DEFAULT_TOTAL_BYTES;
		}
		long total = Long.parseLong(configured.toString().trim());
		if (total <= 0) {
			throw new IllegalArgumentException(TOTAL_BYTES_CONFIG + " must be a positive number of bytes: " + total);
		}
		return total;
	}

	@Override
	public void close(String storeName, Options options) {
		// the cache and the write buffer manager are shared by every store of the process: never closed with one
	}

}
