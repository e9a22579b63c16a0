package vn.dvcpulse.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import vn.dvcpulse.aggregator.domain.Counts;
import vn.dvcpulse.aggregator.stream.RollupTopology;
import vn.dvcpulse.contract.ApplicationKey;
import vn.dvcpulse.contract.ReceiptPeriods;
import vn.dvcpulse.contract.Topic;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.event.Channel;
import vn.dvcpulse.contract.event.EventType;
import vn.dvcpulse.contract.event.OnlineLevel;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;
import vn.dvcpulse.contract.milestone.MilestoneType;
import vn.dvcpulse.contract.streams.BoundedRocksDbMemory;
import vn.dvcpulse.tracker.stream.ApplicationStateSerde;
import vn.dvcpulse.tracker.stream.LifecycleTopology;
import vn.dvcpulse.tracker.stream.RunningApplicationStores;

/**
 * Replays a few million milestones through the aggregator's topology (exactly-once, as configured in production)
 * and, on the same broker and topic, through a raw Kafka consumer that only reads bytes: the ratio of the two is
 * what the aggregator's own work costs. With {@code --events}, replays accepted events instead, as the door wrote
 * them, through the tracker's lifecycle and on through the aggregator, both exactly-once in this one JVM, beside a
 * raw consumer of the events' topic. The broker is an in-process KRaft broker of its own, so the aggregator's
 * published rollups cannot mix with a running stack's.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar vn.dvcpulse.benchmarks.ReplayBenchmark --milestones 2000000 \
 *     [--threads 1] [--commit-ms 100] [--set producer.linger.ms=5 ...]
 * java -cp benchmarks/target/benchmarks.jar vn.dvcpulse.benchmarks.ReplayBenchmark --events 2000000
 * </pre>
 */
public final class ReplayBenchmark {

	private static final String[] LOCALITIES = { "01", "04", "08", "11", "12", "14", "15", "19", "20", "22", "24",
			"25", "31", "33", "37", "38", "40", "42", "44", "46", "48", "51", "52", "56", "66", "68", "75", "79", "80",
			"82", "86", "91", "92", "96" };

	/** Stream threads, as num.stream.threads; the services run one. */
	private static int threads = 1;

	/** The aggregator's application id here: a broker of its own per run, so any name does. */
	private static final String APPLICATION_ID = "replay";

	/** The tracker's, when events are replayed. */
	private static final String TRACKER_ID = "replay-tracker";

	/** How long a measure may go without progress before it is given up. */
	private static final Duration PATIENCE = Duration.ofMinutes(2);

	/** The commit interval, as the aggregator's commit.interval.ms. */
	private static int commitMillis = 100;

	/** Any other Streams setting to try, {@code --set key=value} (producer.linger.ms, consumer.fetch.max.wait.ms...). */
	private static final Properties settings = new Properties();

	private ReplayBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long records = 2_000_000;
		boolean events = false;
		for (int i = 0; i + 1 < args.length; i += 2) {
			if (args[i].equals("--milestones")) {
				records = Long.parseLong(args[i + 1]);
			}
			else if (args[i].equals("--events")) {
				records = Long.parseLong(args[i + 1]);
				events = true;
			}
			else if (args[i].equals("--threads")) {
				threads = Integer.parseInt(args[i + 1]);
			}
			else if (args[i].equals("--commit-ms")) {
				commitMillis = Integer.parseInt(args[i + 1]);
			}
			else if (args[i].equals("--set")) {
				String[] setting = args[i + 1].split("=", 2);
				settings.put(setting[0], setting[1]);
			}
		}
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, Topics.MILESTONES.partitions());
		broker.brokerProperties(Map.of("offsets.topic.replication.factor", "1",
				"transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1",
				"group.initial.rebalance.delay.ms", "0"));
		broker.afterPropertiesSet();
		String brokers = broker.getBrokersAsString();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
			List<NewTopic> topics = new ArrayList<>(List.of(Topics.MILESTONES.newTopic()));
			topics.addAll(RollupTopology.changelogs(APPLICATION_ID));
			if (events) {
				topics.add(Topics.SUBMISSIONS.newTopic());
				topics.add(Topics.REJECTIONS.newTopic());
			}
			admin.createTopics(topics).all().get();
			awaitLeaders(admin, topics.stream().map(NewTopic::name).toList());
		}
		double raw;
		double aggregator;
		try {
			String topic = events ? Topics.SUBMISSIONS.name() : Topics.MILESTONES.name();
			long applications = events ? write(brokers, Topics.SUBMISSIONS, records, ReplayBenchmark::events)
					: write(brokers, Topics.MILESTONES, records, ReplayBenchmark::milestones);
			System.out.printf("%,d %s of %,d applications on %s%n", records, events ? "events" : "milestones",
					applications, topic);
			raw = rawConsumer(brokers, topic, records);
			aggregator = replay(brokers, records, applications, events);
		}
		catch (IllegalStateException ex) {
			System.err.println(ex.getMessage() + ((ex.getCause() != null) ? ": " + ex.getCause() : ""));
			System.exit(1);
			return;
		}
		System.out.printf("%n| measure | records/s |%n| --- | --- |%n");
		System.out.printf("| raw consumer (bytes only) | %,.0f |%n", raw);
		System.out.printf("| %s, exactly-once, until every receipt is in the global table | %,.0f |%n",
				events ? "tracker and aggregator" : "aggregator", aggregator);
		System.out.printf("| ratio | %.1f %% |%n", 100 * aggregator / raw);
		// the in-process broker's shutdown can wait on its own threads for minutes: the figures are out, leave
		System.exit(0);
	}

	/** One application's records, in order, under its key. */
	private record Life<V>(String key, List<V> records) {
	}

	/**
	 * Writes applications' lives to {@code topic} until {@code total} records, each life made by {@code lives} from
	 * the run's random numbers and the application's id; the number of applications.
	 */
	private static <V> long write(String brokers, Topic<String, V> topic, long total,
			BiFunction<Random, String, Life<V>> lives) {
		Random random = new Random(2025);
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		long sent = 0;
		long applications = 0;
		AtomicLong lost = new AtomicLong();
		AtomicReference<Exception> firstFailure = new AtomicReference<>();
		try (KafkaProducer<String, V> producer = new KafkaProducer<>(config, topic.keySerde().serializer(),
				topic.valueSerde().serializer())) {
			while (sent < total) {
				Life<V> life = lives.apply(random, "R-" + applications++);
				for (V record : life.records()) {
					if (sent++ < total) {
						producer.send(new ProducerRecord<>(topic.name(), life.key(), record), (metadata, failure) -> {
							if (failure != null && lost.getAndIncrement() == 0) {
								firstFailure.set(failure);
							}
						});
					}
				}
			}
			producer.flush();
		}
		// a record not written would have the measures wait for it for ever
		if (lost.get() > 0) {
			throw new IllegalStateException(lost.get() + " of " + total + " records were not written",
					firstFailure.get());
		}
		return applications;
	}

	/** A receipt's time: a day of the year from July 2025, in the first ten hours of its working day. */
	private static OffsetDateTime receivedAt(Random random) {
		return LocalDate.of(2025, 7, 1)
			.plusDays(random.nextInt(365))
			.atStartOfDay(ReceiptPeriods.ZONE)
			.toOffsetDateTime()
			.plusSeconds(random.nextInt(36_000));
	}

	/** A whole lifecycle's milestones: received, often paid, digitised, completed, rated. */
	private static Life<ApplicationMilestone> milestones(Random random, String id) {
		String locality = LOCALITIES[random.nextInt(LOCALITIES.length)];
		Instant receivedAt = receivedAt(random).toInstant();
		boolean online = random.nextInt(100) < 60;
		ApplicationMilestone receipt = ApplicationMilestone.received(locality,
				String.format("P06-%02d", 1 + random.nextInt(25)), id, receivedAt,
				online ? Channel.ONLINE : Channel.IN_PERSON, online ? OnlineLevel.FULL : null, id + "-s",
				"c" + random.nextInt(5_000_000), receivedAt.plus(Duration.ofDays(7)));
		List<ApplicationMilestone> life = new ArrayList<>(List.of(receipt));
		for (MilestoneType type : List.of(MilestoneType.PAID, MilestoneType.DIGITIZED, MilestoneType.COMPLETED,
				MilestoneType.RATED)) {
			if (random.nextInt(100) < 70) {
				life.add(ApplicationMilestone.of(type, receipt,
						receivedAt.plus(Duration.ofHours(1 + random.nextInt(200))), id + "-" + type));
			}
		}
		return new Life<>(ApplicationKey.of(locality, id), life);
	}

	/**
	 * A whole life's events as the door accepts them: received, then paid, digitised, completed and rated in that
	 * order, stopping after any step (a fifth stop at each).
	 */
	private static Life<ApplicationEvent> events(Random random, String id) {
		String locality = LOCALITIES[random.nextInt(LOCALITIES.length)];
		String service = String.format("P06-%02d", 1 + random.nextInt(25));
		OffsetDateTime at = receivedAt(random);
		boolean online = random.nextInt(100) < 60;
		ApplicationEvent receipt = new ApplicationEvent(id + "-s", EventType.SUBMITTED, id, locality, service, at,
				online ? Channel.ONLINE : Channel.IN_PERSON, online ? OnlineLevel.FULL : null, at.plusDays(7), null,
				null, null, null, null, null, null, null, "c" + random.nextInt(5_000_000));
		List<ApplicationEvent> life = new ArrayList<>(List.of(receipt));
		for (EventType type : List.of(EventType.PAID, EventType.DIGITIZED, EventType.COMPLETED, EventType.RATED)) {
			if (random.nextInt(5) == 0) {
				break;
			}
			at = at.plusHours(1 + random.nextInt(48));
			life.add(LifeEvents.after(receipt, id + "-" + type, type, at));
		}
		return new Life<>(ApplicationKey.of(locality, id), life);
	}

	/** Reads every record's bytes once, as Kafka's ConsumerPerformance does; records/s. */
	private static double rawConsumer(String brokers, String topic, long total) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
		config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (var partition : consumer.partitionsFor(topic)) {
				partitions.add(new TopicPartition(topic, partition.partition()));
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long start = System.nanoTime();
			long progressed = start;
			long read = 0;
			long bytes = 0;
			while (read < total) {
				long before = read;
				for (var record : consumer.poll(Duration.ofMillis(500))) {
					read++;
					bytes += record.serializedValueSize();
				}
				progressed = (read > before) ? System.nanoTime() : progressed;
				giveUpWithoutProgress(progressed, "the raw consumer read " + read + " of " + total + " records");
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("raw consumer: %,d records (%,.1f MB) in %.1f s%n", read, bytes / 1e6, seconds);
			return read / seconds;
		}
	}

	/**
	 * Starts the aggregator's topology on the milestones, and the tracker's lifecycle on the events before it when
	 * {@code throughTracker}, and waits until every receipt is in the global table; records replayed a second.
	 */
	private static double replay(String brokers, long total, long applications, boolean throughTracker)
			throws Exception {
		List<KafkaStreams> started = new ArrayList<>();
		List<Path> stateDirs = new ArrayList<>();
		// the events are lives the lifecycle accepts: a rejection would say the replay measured something else
		AtomicLong rejected = new AtomicLong();
		try {
			if (throughTracker) {
				StreamsBuilder lifecycle = new StreamsBuilder();
				LifecycleTopology.build(lifecycle, new RunningApplicationStores(),
						(rejection) -> {
							if (rejected.getAndIncrement() == 0) {
								System.out.println("first rejection: " + rejection);
							}
						});
				// as the tracker's application.yml: its record cache the default
				started.add(new KafkaStreams(lifecycle.build(), streamsConfig(TRACKER_ID, brokers, stateDirs)));
			}
			StreamsBuilder rollups = new StreamsBuilder();
			RollupTopology.build(rollups, APPLICATION_ID, (milestone, acknowledgedAt) -> {
			});
			Properties config = streamsConfig(APPLICATION_ID, brokers, stateDirs);
			// as the aggregator's application.yml
			config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024);
			config.putAll(settings);
			KafkaStreams aggregator = new KafkaStreams(rollups.build(), config);
			started.add(aggregator);
			long start = System.nanoTime();
			long progressed = start;
			started.forEach(KafkaStreams::start);
			long received = 0;
			while (received < applications) {
				Thread.sleep(200);
				long before = received;
				received = receiptsCounted(aggregator);
				progressed = (received > before) ? System.nanoTime() : progressed;
				giveUpWithoutProgress(progressed, "the aggregator counted " + received + " of " + applications
						+ " receipts");
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("%s: %,d records (%,d receipts%s) counted in %.1f s%n",
					throughTracker ? "tracker and aggregator" : "aggregator", total, received,
					throughTracker ? String.format(", %,d rejected", rejected.get()) : "", seconds);
			return total / seconds;
		}
		finally {
			// closed after the figure is taken, or given up; the state (hundreds of MB a run) must not pile up in
			// the temp dir
			started.forEach((streams) -> streams.close(Duration.ofSeconds(10)));
			for (Path stateDir : stateDirs) {
				Utils.delete(stateDir.toFile());
			}
		}
	}

	/** What both stream processors' application.yml set: exactly-once, their commit interval, RocksDB's budget. */
	private static Properties streamsConfig(String applicationId, String brokers, List<Path> stateDirs)
			throws IOException {
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitMillis);
		config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
		config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
		Path stateDir = Files.createTempDirectory(applicationId);
		stateDirs.add(stateDir);
		config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
		return config;
	}

	/**
	 * Waits until every partition of the topics is led, as its leader's replica manager sees it: the offsets of each
	 * are asked until all answer. Sent to at once after the topics were made, the idempotent producer's first batch
	 * for a partition could fail (NOT_LEADER_OR_FOLLOWER: the controller had named the leader, the broker had not yet
	 * taken the part), and the batches sent behind it were then refused as out of order (OUT_OF_ORDER_SEQUENCE_NUMBER)
	 * until they expired two minutes later: runs lost records that way, and their measures waited for them. A
	 * partition's leader in the topic's description is not enough: it is named before the broker leads.
	 */
	private static void awaitLeaders(Admin admin, List<String> topics) throws Exception {
		Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
		admin.describeTopics(topics)
			.allTopicNames()
			.get()
			.forEach((name, topic) -> topic.partitions()
				.forEach((partition) -> partitions.put(new TopicPartition(name, partition.partition()),
						OffsetSpec.latest())));
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (true) {
			try {
				admin.listOffsets(partitions).all().get();
				return;
			}
			catch (ExecutionException ex) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The topics' partitions are not led after a minute: " + topics,
							ex.getCause());
				}
				Thread.sleep(100);
			}
		}
	}

	/**
	 * A measure that has not moved for {@link #PATIENCE} will not finish (runs have waited for ever on a poll): it
	 * fails, saying how far it got, instead of holding the harness.
	 */
	private static void giveUpWithoutProgress(long progressedNanos, String progress) {
		if (System.nanoTime() - progressedNanos > PATIENCE.toNanos()) {
			throw new IllegalStateException("Gave up after " + PATIENCE.toMinutes() + " minutes without progress: "
					+ progress);
		}
	}

	private static long receiptsCounted(KafkaStreams streams) {
		if (streams.state() != KafkaStreams.State.RUNNING) {
			return 0;
		}
		ReadOnlyKeyValueStore<String, Counts> rollups = streams.store(StoreQueryParameters
			.fromNameAndType(RollupTopology.ROLLUPS, QueryableStoreTypes.<String, Counts>keyValueStore()));
		// every partition's part of every month: the partitions count days and months only
		long received = 0;
		try (var months = rollups.range("M|", "M|~")) {
			while (months.hasNext()) {
				received += months.next().value.received();
			}
		}
		return received;
	}

}
