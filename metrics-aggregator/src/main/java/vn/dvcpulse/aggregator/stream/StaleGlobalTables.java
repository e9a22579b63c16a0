package vn.dvcpulse.aggregator.stream;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.state.internals.OffsetCheckpoint;

/**
 * Clears this instance's global tables when they were read from topics the topology no longer reads, before the
 * streams client starts. Kafka Streams refuses to start when the global tables' checkpoint names a topic no global
 * table reads ("an application reset and state store directory cleanup will be required"): an aggregator that kept
 * its global tables from {@code dvc.rollups.v2} would never start again after the upgrade that reads them from the
 * totals' changelogs. A global table holds nothing its topic does not, so clearing it loses nothing: it is read again
 * from its topic at start.
 */
final class StaleGlobalTables {

	private static final Log logger = LogFactory.getLog(StaleGlobalTables.class);

	private StaleGlobalTables() {
	}

	/**
	 * @param stateDir      the streams client's {@code state.dir}
	 * @param applicationId its application id
	 * @param topics        the topics the topology's global tables read
	 * @return whether they were cleared
	 */
	static boolean clear(File stateDir, String applicationId, Set<String> topics) {
		// where Kafka Streams keeps them: <state.dir>/<application.id>/global, with the offsets read in .checkpoint
		File global = new File(new File(stateDir, applicationId), "global");
		File checkpoint = new File(global, ".checkpoint");
		if (!checkpoint.isFile()) {
			return false;
		}
		try {
			Set<String> read = new OffsetCheckpoint(checkpoint).read()
				.keySet()
				.stream()
				.map(TopicPartition::topic)
				.collect(Collectors.toSet());
			if (topics.containsAll(read)) {
				return false;
			}
			logger.warn("The global tables in " + global + " were read from " + read + ", not only from " + topics
					+ ": clearing them, to be read again from their topics");
			Utils.delete(global);
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or clear the global tables in " + global, ex);
		}
	}

}
