package vn.dvcpulse.contract.problem;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text is taken only when it can be written everywhere it will go (JSON, Smile, CSV, logs): no control character
 * (C0, DEL, C1) and no unpaired UTF-16 surrogate, which valid JSON escapes can spell. An enum is taken only as
 * exactly one of its names: Jackson would otherwise trim {@code " RATED"} and {@code "RATED\u0000"} to RATED.
 */
public final class StrictText {

	/** What a refused text field expected, as its problem says. */
	public static final String EXPECTED = "text without control characters or unpaired surrogates";

	private StrictText() {
	}

	/** Whether {@code text} holds no control character and no unpaired surrogate. */
	public static boolean isWritable(String text) {
		int length = text.length();
		for (int at = 0; at < length; at++) {
			char c = text.charAt(at);
			if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isLowSurrogate(c)) {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (at + 1 == length || !Character.isLowSurrogate(text.charAt(at + 1))) {
					return false;
				}
				at++;
			}
		}
		return true;
	}

	/** The module that reads every string and every enum of a mapper this strictly. */
	public static JacksonModule module() {
		return new SimpleModule("strict-text").addDeserializer(String.class, new Text())
			.setDeserializerModifier(new ValueDeserializerModifier() {

				@Override
				public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
						BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
					return new ExactEnum(deserializer, type.getRawClass());
				}

			});
	}

	/** A refused text: a mismatched input of its field, so the problem names the field. */
	static final class UnwritableTextException extends InvalidFormatException {

		private static final long serialVersionUID = 1L;

		UnwritableTextException(JsonParser parser, Class<?> type) {
			super(parser, "Text with a control character or an unpaired surrogate", null, type);
		}

	}

	/** Jackson's reading of a string, then the check. */
	private static final class Text extends StdScalarDeserializer<String> {

		Text() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			String text = StringDeserializer.instance.deserialize(parser, context);
			if (text != null && !isWritable(text)) {
				throw new UnwritableTextException(parser, String.class);
			}
			return text;
		}

	}

	/** An enum read by Jackson only once its text is exactly one of the names. */
	private static final class ExactEnum extends DelegatingDeserializer {

		private final Class<?> type;

		private final Set<String> names;

		ExactEnum(ValueDeserializer<?> delegate, Class<?> type) {
			super(delegate);
			this.type = type;
			this.names = Arrays.stream(type.getEnumConstants()).map((constant) -> ((Enum<?>) constant).name())
				.collect(Collectors.toUnmodifiableSet());
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new ExactEnum(delegate, this.type);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			if (parser.hasToken(JsonToken.VALUE_STRING) && !this.names.contains(parser.getString())) {
				throw InvalidFormatException.from(parser, "Not exactly one of the names of " + this.type.getSimpleName(),
						parser.getString(), this.type);
			}
			return super.deserialize(parser, context);
		}

	}

}
