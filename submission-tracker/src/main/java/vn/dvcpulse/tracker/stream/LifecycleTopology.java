package vn.dvcpulse.tracker.stream;

import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;
import vn.dvcpulse.contract.rejection.Rejection;
import vn.dvcpulse.tracker.domain.ApplicationState;

/** submissions → the life of each application → milestones, and rejections for the submitters. */
@Configuration(proxyBeanMethods = false)
public class LifecycleTopology {

	/** Told of every rejection as it goes to the feed. */
	@FunctionalInterface
	public interface RejectionListener {

		void rejected(Rejection rejection);

	}

	@Bean
	KStream<String, Object> lifecycle(StreamsBuilder builder, MeterRegistry meters, RunningApplicationStores running) {
		return build(builder, running, (rejection) -> meters
			.counter("dvc.lifecycle.rejections", "reason", rejection.reason().name().toLowerCase(Locale.ROOT)
				.replace('_', '-'), "locality", rejection.localityCode())
			.increment());
	}

	/**
	 * The topology on its own, for the application and for {@code TopologyTestDriver} alike: it tells {@code listener}
	 * of each rejection it feeds (for a metric: a rejection processed again after a crash is told again, so the count
	 * is an operator's view, not a figure) and {@code running} of each partition's applications store while its
	 * lifecycle runs.
	 */
	public static KStream<String, Object> build(StreamsBuilder builder, RunningApplicationStores running,
			RejectionListener listener) {
		ApplicationStateSerde states = new ApplicationStateSerde();
		builder.addStateStore(Stores.keyValueStoreBuilder(
				Stores.persistentKeyValueStore(ApplicationLifecycle.APPLICATIONS), Serdes.String(), states));
		builder.addStateStore(Stores.keyValueStoreBuilder(
				Stores.persistentKeyValueStore(ApplicationLifecycle.REJECTIONS), Serdes.String(),
				Topics.REJECTIONS.valueSerde()));
		builder.addStateStore(Stores.keyValueStoreBuilder(
				Stores.persistentKeyValueStore(ApplicationLifecycle.COUNTERS), Serdes.String(), Serdes.Long()));
		KStream<String, Object> outcomes = builder
			.stream(Topics.SUBMISSIONS.name(),
					Consumed.with(Topics.SUBMISSIONS.keySerde(), Topics.SUBMISSIONS.valueSerde())
						.withName("submissions"))
			.processValues(() -> new ApplicationLifecycle(running, states.serializer()), Named.as("application-lifecycle"),
					ApplicationLifecycle.APPLICATIONS, ApplicationLifecycle.REJECTIONS, ApplicationLifecycle.COUNTERS);
		outcomes.split(Named.as("lifecycle-"))
			.branch((key, value) -> value instanceof ApplicationMilestone,
					Branched.withConsumer((milestones) -> milestones
						.mapValues((value) -> (ApplicationMilestone) value, Named.as("as-milestone"))
						.to(Topics.MILESTONES.name(), Produced
							.with(Topics.MILESTONES.keySerde(), Topics.MILESTONES.valueSerde())
							.withName("milestones")), "milestones"))
			.branch((key, value) -> value instanceof Rejection,
					Branched.withConsumer((rejections) -> rejections
						.mapValues((value) -> (Rejection) value, Named.as("as-rejection"))
						.peek((key, rejection) -> listener.rejected(rejection), Named.as("note-rejection"))
						.to(Topics.REJECTIONS.name(), Produced
							.with(Topics.REJECTIONS.keySerde(), Topics.REJECTIONS.valueSerde())
							.withName("rejections")), "rejections"));
		return outcomes;
	}

}
