package vn.dvcpulse.tracker.stream;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.dvcpulse.contract.JsonSerdes;
import vn.dvcpulse.contract.Topics;
import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;

/** submissions → the life of each application → milestones. */
@Configuration(proxyBeanMethods = false)
public class LifecycleTopology {

	@Bean
	KStream<String, ApplicationMilestone> milestones(StreamsBuilder builder) {
		return build(builder);
	}

	/** The topology on its own, for the application and for {@code TopologyTestDriver} alike. */
	public static KStream<String, ApplicationMilestone> build(StreamsBuilder builder) {
		builder.addStateStore(Stores.keyValueStoreBuilder(
				Stores.persistentKeyValueStore(ApplicationLifecycle.STORE), Serdes.String(),
				JsonSerdes.of(ApplicationState.class)));
		KStream<String, ApplicationMilestone> milestones = builder
			.stream(Topics.SUBMISSIONS.name(),
					Consumed.with(Topics.SUBMISSIONS.keySerde(), Topics.SUBMISSIONS.valueSerde())
						.withName("submissions"))
			.processValues(ApplicationLifecycle::new, Named.as("application-lifecycle"),
					ApplicationLifecycle.STORE);
		milestones.to(Topics.MILESTONES.name(),
				Produced.with(Topics.MILESTONES.keySerde(), Topics.MILESTONES.valueSerde()).withName("milestones"));
		return milestones;
	}

}
