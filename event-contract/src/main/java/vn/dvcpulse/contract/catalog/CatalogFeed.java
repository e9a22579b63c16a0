package vn.dvcpulse.contract.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import vn.dvcpulse.contract.Topic;
import vn.dvcpulse.contract.Topics;

/**
 * Holds the catalog locally, following the compacted catalog topics from their beginning, and hands out the latest
 * {@link CatalogLookup}. Every service that needs the catalog reads it through this, never through a copy of its
 * own. {@link #start()} waits (up to a limit) until the topics have been read to their end, so a service does not
 * serve requests against a half-read catalog.
 */
public class CatalogFeed implements SmartLifecycle, Supplier<CatalogLookup> {

	private static final Logger log = LoggerFactory.getLogger(CatalogFeed.class);

	private static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);

	private static final List<Topic<String, ?>> FOLLOWED = List.of(Topics.CATALOG_SERVICES, Topics.CATALOG_LOCALITIES,
			Topics.CATALOG_TARGETS);

	private final Map<String, Object> consumerProperties;

	private final Duration startTimeout;

	private final Map<String, EssentialService> services = new HashMap<>();

	private final Map<String, LocalityVersion> localities = new HashMap<>();

	private final Map<String, IndicatorTarget> targets = new HashMap<>();

	private final CountDownLatch caughtUp = new CountDownLatch(1);

	private volatile CatalogLookup lookup = CatalogLookup.EMPTY;

	private volatile KafkaConsumer<String, byte[]> consumer;

	private volatile Thread thread;

	private volatile boolean running;

	public CatalogFeed(Map<String, Object> consumerProperties, Duration startTimeout) {
		this.consumerProperties = new LinkedHashMap<>(consumerProperties);
		this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.consumerProperties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		this.consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		this.startTimeout = startTimeout;
	}

	/** The catalog as last read. */
	@Override
	public CatalogLookup get() {
		return this.lookup;
	}

	/** Whether the topics have been read to the end they had when the feed started. */
	public boolean isCaughtUp() {
		return this.caughtUp.getCount() == 0;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = new Thread(this::follow, "catalog-feed");
		this.thread.setDaemon(true);
		this.thread.start();
		try {
			if (!this.caughtUp.await(this.startTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("The catalog topics were not read to their end within {}; going on, not ready", this.startTimeout);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Reads the topics until stopped; after a failure, reads them again from the beginning, backing off. */
	private void follow() {
		BackOffExecution backOff = new ExponentialBackOff(500, 2).start();
		while (this.running) {
			try {
				followOnce();
			}
			catch (WakeupException ex) {
				return;
			}
			catch (RuntimeException ex) {
				long wait = Math.min(backOff.nextBackOff(), MAX_BACK_OFF.toMillis());
				log.error("The catalog feed failed; it reads the catalog again in {} ms, keeping the catalog it has",
						wait, ex);
				try {
					Thread.sleep(wait);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/**
	 * One reading of the topics from their beginning. The catalog handed out changes only once the topics have
	 * been read to their end again, never to a half-read one.
	 */
	private void followOnce() {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(this.consumerProperties,
				Topics.CATALOG_SERVICES.keySerde().deserializer(), new ByteArrayDeserializer())) {
			this.consumer = consumer;
			if (!this.running) {
				return;
			}
			this.services.clear();
			this.localities.clear();
			this.targets.clear();
			List<TopicPartition> partitions = partitions(consumer);
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			boolean readToEnd = false;
			boolean changed = false;
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					apply(record);
					changed = true;
				}
				readToEnd = readToEnd || partitions.stream().allMatch((p) -> consumer.position(p) >= end.get(p));
				if (readToEnd && changed) {
					this.lookup = new CatalogLookup(this.services.values(), this.localities.values(),
							this.targets.values());
					changed = false;
				}
				if (readToEnd && !isCaughtUp()) {
					log.info("Catalog read: version {}", this.lookup.catalogVersion());
					this.caughtUp.countDown();
				}
			}
		}
		finally {
			this.consumer = null;
		}
	}

	/** The partitions of the followed topics, waiting for them to exist: the catalog service may start later. */
	private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
		while (true) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (Topic<String, ?> topic : FOLLOWED) {
				consumer.partitionsFor(topic.name(), Duration.ofSeconds(10))
					.forEach((info) -> partitions.add(new TopicPartition(info.topic(), info.partition())));
			}
			if (partitions.size() >= FOLLOWED.size() || !this.running) {
				return partitions;
			}
			try {
				Thread.sleep(1000); // the topics do not exist yet; no broker call waits for their creation
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return partitions;
			}
		}
	}

	private void apply(ConsumerRecord<String, byte[]> record) {
		String topic = record.topic();
		if (topic.equals(Topics.CATALOG_SERVICES.name())) {
			put(this.services, Topics.CATALOG_SERVICES, record);
		}
		else if (topic.equals(Topics.CATALOG_LOCALITIES.name())) {
			put(this.localities, Topics.CATALOG_LOCALITIES, record);
		}
		else if (topic.equals(Topics.CATALOG_TARGETS.name())) {
			put(this.targets, Topics.CATALOG_TARGETS, record);
		}
	}

	/** A record that cannot be read is left out, and said: reading it again would fail again. */
	private static <V> void put(Map<String, V> table, Topic<String, V> topic, ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			table.remove(record.key());
			return;
		}
		try {
			table.put(record.key(), topic.valueSerde().deserializer().deserialize(topic.name(), record.value()));
		}
		catch (RuntimeException ex) {
			log.error("Catalog record {}-{}@{} cannot be read; left out", record.topic(), record.partition(),
					record.offset(), ex);
		}
	}

	@Override
	public void stop() {
		this.running = false;
		KafkaConsumer<String, byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		Thread following = this.thread;
		if (following != null) {
			try {
				following.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
