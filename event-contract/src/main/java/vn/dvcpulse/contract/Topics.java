package vn.dvcpulse.contract;

import java.util.List;

import org.apache.kafka.common.serialization.Serdes;

import vn.dvcpulse.contract.catalog.EssentialService;
import vn.dvcpulse.contract.catalog.LocalityVersion;
import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;

/**
 * The registry of every topic DVC Pulse uses. Nothing else names a topic: producers, stream topologies and tests
 * all take the name and the serdes from here, so they cannot drift apart.
 */
public final class Topics {

	/** Events as local systems posted them, keyed by {@link ApplicationKey}, in order of acceptance. */
	public static final Topic<String, ApplicationEvent> SUBMISSIONS = new Topic<>("dvc.submissions.v1",
			Serdes.String(), JsonSerdes.of(ApplicationEvent.class), 6, false);

	/** Facts the tracker derived once per application (received, completed, ...), keyed by {@link ApplicationKey}. */
	public static final Topic<String, ApplicationMilestone> MILESTONES = new Topic<>("dvc.milestones.v1",
			Serdes.String(), JsonSerdes.of(ApplicationMilestone.class), 6, false);

	/** The catalog of essential services, keyed by service code; the topic is the catalog's store. */
	public static final Topic<String, EssentialService> CATALOG_SERVICES = new Topic<>("dvc.catalog.services.v1",
			Serdes.String(), JsonSerdes.of(EssentialService.class), 1, true);

	/** Effective-dated locality units, keyed by {@link LocalityVersion#key()}; the topic is the catalog's store. */
	public static final Topic<String, LocalityVersion> CATALOG_LOCALITIES = new Topic<>("dvc.catalog.localities.v1",
			Serdes.String(), JsonSerdes.of(LocalityVersion.class), 1, true);

	public static final List<Topic<?, ?>> ALL = List.of(SUBMISSIONS, MILESTONES, CATALOG_SERVICES, CATALOG_LOCALITIES);

	private Topics() {
	}

}
