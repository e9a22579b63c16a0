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
 * holds every event its application has had and is written again at each new one: as Smile a whole life's state is
 * half the bytes of its JSON (1.3 KB against 2.7) in the store, in the changelog and when restored, and a little
 * quicker to write; reading it costs the same (the data binding is most of it). The state is the tracker's alone (its
 * changelog is an internal topic), so its form is free to change; states written as JSON before are still read, and
 * become Smile when their application next moves. A version that reads JSON only cannot read Smile: where such
 * instances still run beside this one (a rolling upgrade), this one writes JSON until they are gone
 * ({@code dvc.lifecycle.state-format}).
 */
public final class ApplicationStateSerde implements Serde<ApplicationState> {

	/** The form states are written in; both are read. */
	public enum Format {

		SMILE, JSON

	}

	/** The first byte of a JSON state; a Smile one begins with its header, {@code :)\n}. */
	private static final byte JSON_OBJECT = '{';

	private static final SmileMapper SMILE = JsonSerdes.tolerant(SmileMapper.builder()).build();

	private final Serializer<ApplicationState> serializer;

	private final Deserializer<ApplicationState> deserializer;

	public ApplicationStateSerde(Format written) {
		Serde<ApplicationState> json = JsonSerdes.of(ApplicationState.class);
		this.serializer = (written == Format.JSON) ? json.serializer()
				: (topic, state) -> (state != null) ? SMILE.writeValueAsBytes(state) : null;
		Deserializer<ApplicationState> fromJson = json.deserializer();
		this.deserializer = (topic, data) -> {
			if (data == null) {
				return null;
			}
			return (data.length > 0 && data[0] == JSON_OBJECT) ? fromJson.deserialize(topic, data)
					: SMILE.readValue(data, ApplicationState.class);
		};
	}

	@Override
	public Serializer<ApplicationState> serializer() {
		return this.serializer;
	}

	@Override
	public Deserializer<ApplicationState> deserializer() {
		return this.deserializer;
	}

}
