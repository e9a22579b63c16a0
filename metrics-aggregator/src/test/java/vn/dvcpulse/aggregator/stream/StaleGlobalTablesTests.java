package vn.dvcpulse.aggregator.stream;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.state.internals.OffsetCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StaleGlobalTablesTests {

	private static final Set<String> READ_NOW = Set.of("app-rollup-counting-changelog",
			"app-distinct-citizen-counting-changelog");

	@TempDir
	Path stateDir;

	@Test
	void globalTablesReadFromATopicNoLongerRead_areCleared() throws IOException {
		File global = globalTables(Map.of(new TopicPartition("dvc.rollups.v2", 0), 42L,
				new TopicPartition("app-rollup-counting-changelog", 0), 7L));

		assertThat(StaleGlobalTables.clear(this.stateDir.toFile(), "app", READ_NOW)).isTrue();
		assertThat(global).doesNotExist();
	}

	@Test
	void globalTablesReadFromTheTopicsReadNow_areKept() throws IOException {
		File global = globalTables(Map.of(new TopicPartition("app-rollup-counting-changelog", 3), 7L));

		assertThat(StaleGlobalTables.clear(this.stateDir.toFile(), "app", READ_NOW)).isFalse();
		assertThat(new File(global, "rollups")).isDirectory();
	}

	@Test
	void aFirstStart_hasNothingToClear() {
		assertThat(StaleGlobalTables.clear(this.stateDir.toFile(), "app", READ_NOW)).isFalse();
	}

	/** Global tables as Kafka Streams leaves them: a store's directory and the offsets read, in its own format. */
	private File globalTables(Map<TopicPartition, Long> offsets) throws IOException {
		File global = this.stateDir.resolve("app").resolve("global").toFile();
		Files.createDirectories(global.toPath().resolve("rollups"));
		new OffsetCheckpoint(new File(global, ".checkpoint")).write(offsets);
		return global;
	}

}
