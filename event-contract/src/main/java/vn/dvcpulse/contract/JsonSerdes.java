package vn.dvcpulse.contract;

import org.apache.kafka.common.serialization.Serde;
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

	/** A record as the JSON tree it is written as. */
	public static JsonNode tree(Object value) {
		return MAPPER.valueToTree(value);
	}

	private JsonSerdes() {
	}

}
