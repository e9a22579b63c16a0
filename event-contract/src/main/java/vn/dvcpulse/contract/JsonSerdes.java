package vn.dvcpulse.contract;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.springframework.kafka.support.serializer.JacksonJsonSerde;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * How records are written on Kafka: plain JSON of the contract's records, with no type headers, so that the
 * topic's declared value type alone decides how a record is read (and a consumer in another language can read it).
 */
public final class JsonSerdes {

	static final JsonMapper MAPPER = tolerant(JsonMapper.builder()).build();

	/**
	 * A mapper of any format set up as the contract's JSON is read and written. Tolerant on read: a newer producer
	 * may add fields that an older consumer does not know yet, and an older record may lack a field added since (a
	 * missing flag reads as {@code false}).
	 */
	public static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B tolerant(B builder) {
		return builder.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.addModule(IsoDateTimes.module());
	}

	public static <T> Serde<T> of(Class<T> type) {
		return new JacksonJsonSerde<T>(type, MAPPER).noTypeInfo().ignoreTypeHeaders();
	}

	/** As {@link #of(Class)}, refusing to read a value of more than {@code limit} bytes. */
	public static <T> Serde<T> of(Class<T> type, int limit) {
		Serde<T> serde = of(type);
		Deserializer<T> bounded = new Deserializer<>() {

			@Override
			public T deserialize(String topic, byte[] data) {
				return serde.deserializer().deserialize(topic, checked(topic, data));
			}

			@Override
			public T deserialize(String topic, Headers headers, byte[] data) {
				return serde.deserializer().deserialize(topic, headers, checked(topic, data));
			}

			private byte[] checked(String topic, byte[] data) {
				if (data != null && data.length > limit) {
					throw new SerializationException("A record of " + data.length + " bytes on " + topic + "; at most "
							+ limit + " are read");
				}
				return data;
			}

		};
		return Serdes.serdeFrom(serde.serializer(), bounded);
	}

	/** A record as the JSON tree it is written as. */
	public static JsonNode tree(Object value) {
		return MAPPER.valueToTree(value);
	}

	private JsonSerdes() {
	}

}
