package vn.dvcpulse.contract;

import java.util.Arrays;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.springframework.kafka.core.KafkaAdmin;

import vn.dvcpulse.contract.Topic.Retention;
import vn.dvcpulse.contract.catalog.CatalogChange;
import vn.dvcpulse.contract.catalog.EssentialService;
import vn.dvcpulse.contract.catalog.IndicatorTarget;
import vn.dvcpulse.contract.catalog.LocalityVersion;
import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;
import vn.dvcpulse.contract.rejection.Rejection;

/**
 * The registry of every topic DVC Pulse uses. Nothing else names a topic: producers, stream topologies and tests
 * all take the name and the serdes from here, so they cannot drift apart.
 */
public final class Topics {

	/**
	 * The largest event or milestone a stream processor reads (the door's single-event limit): a larger record,
	 * written past the door, is a dead letter, so that no state built from records can outgrow its changelog.
	 */
	public static final int RECORD_LIMIT = 64 * 1024;

	/** Events as local systems posted them, keyed by {@link ApplicationKey}, in order of acceptance; kept for ever. */
	public static final Topic<String, ApplicationEvent> SUBMISSIONS = new Topic<>("dvc.submissions.v1",
			Serdes.String(), JsonSerdes.of(ApplicationEvent.class, RECORD_LIMIT), 6, Retention.FOREVER);

	/** Facts the tracker derived once per application (received, completed, ...), keyed by {@link ApplicationKey}. */
	public static final Topic<String, ApplicationMilestone> MILESTONES = new Topic<>("dvc.milestones.v1",
			Serdes.String(), JsonSerdes.of(ApplicationMilestone.class, RECORD_LIMIT), 6, Retention.FOREVER);

	/** Accepted events that did not count, and why, keyed by {@link ApplicationKey}; kept for ever. */
	public static final Topic<String, Rejection> REJECTIONS = new Topic<>("dvc.rejections.v1", Serdes.String(),
			JsonSerdes.of(Rejection.class), 6, Retention.FOREVER);

	/** The catalog of essential services, keyed by service code; the topic is the catalog's store. */
	public static final Topic<String, EssentialService> CATALOG_SERVICES = new Topic<>("dvc.catalog.services.v1",
			Serdes.String(), JsonSerdes.of(EssentialService.class), 1, Retention.COMPACTED);

	/** Effective-dated locality units, keyed by {@link LocalityVersion#key()}; the topic is the catalog's store. */
	public static final Topic<String, LocalityVersion> CATALOG_LOCALITIES = new Topic<>("dvc.catalog.localities.v1",
			Serdes.String(), JsonSerdes.of(LocalityVersion.class), 1, Retention.COMPACTED);

	/** The target of each indicator from each day, keyed by {@link IndicatorTarget#key()}; the catalog's store. */
	public static final Topic<String, IndicatorTarget> CATALOG_TARGETS = new Topic<>("dvc.catalog.targets.v1",
			Serdes.String(), JsonSerdes.of(IndicatorTarget.class), 1, Retention.COMPACTED);

	/** Every change ever made to the catalog, keyed like the entry it changed: the catalog's history. */
	public static final Topic<String, CatalogChange> CATALOG_CHANGES = new Topic<>("dvc.catalog.changes.v1",
			Serdes.String(), JsonSerdes.of(CatalogChange.class), 1, Retention.FOREVER);

	/**
	 * What a stream processor could not read, process or write, as it was read, with the cause, the source topic,
	 * partition and offset in {@code kafka_dlt-*} headers (see {@code DeadLetters}); kept for ever.
	 */
	public static final Topic<byte[], byte[]> DEAD_LETTERS = new Topic<>("dvc.dead-letters.v1", Serdes.ByteArray(),
			Serdes.ByteArray(), 1, Retention.FOREVER);

	public static final List<Topic<?, ?>> ALL = List.of(SUBMISSIONS, MILESTONES, REJECTIONS, CATALOG_SERVICES,
			CATALOG_LOCALITIES, CATALOG_TARGETS, CATALOG_CHANGES, DEAD_LETTERS);

	/** The declaration of the topics a service writes or reads, for {@code KafkaAdmin} to create where missing. */
	public static KafkaAdmin.NewTopics declare(Topic<?, ?>... topics) {
		return new KafkaAdmin.NewTopics(Arrays.stream(topics).map(Topic::newTopic).toArray(NewTopic[]::new));
	}

	private Topics() {
	}

}
