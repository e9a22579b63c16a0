package vn.dvcpulse.tracker.stream;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.dataformat.smile.SmileMapper;

import vn.dvcpulse.contract.JsonSerdes;
import vn.dvcpulse.tracker.domain.ApplicationState;

/**
 * How an application's state is kept, in its store and the store's changelog: Smile, Jackson's binary form of JSON,
 * bound by the same data binding as the contract's JSON, so the state's records need no codec of their own. The state
 * is written again at each new event: as Smile it is half the bytes of its JSON in the store, in the changelog and
 * when restored. The state is the tracker's alone (its changelog is an internal topic), so its form is free to change.
 */
public final class ApplicationStateSerde implements Serde<ApplicationState> {

	private static final SmileMapper SMILE = JsonSerdes.tolerant(SmileMapper.builder()).build();

	private final Serializer<ApplicationState> serializer = (topic, state) -> (state != null)
			? SMILE.writeValueAsBytes(state) : null;

	private final Deserializer<ApplicationState> deserializer = (topic, data) -> (data != null)
			? SMILE.readValue(data, ApplicationState.class) : null;

	@Override
	public Serializer<ApplicationState> serializer() {
		return this.serializer;
	}

	@Override
	public Deserializer<ApplicationState> deserializer() {
		return this.deserializer;
	}

}
