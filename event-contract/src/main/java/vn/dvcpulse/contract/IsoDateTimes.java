package vn.dvcpulse.contract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.ser.OffsetDateTimeSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The contract's date-times ({@code 2026-11-23T08:15:00+07:00}) read and written, and its instants
 * ({@code 2026-11-23T01:15:00Z}) read, without {@link DateTimeFormatter} when they have that plain shape. Every
 * event carries one or two, and the tracker's state every event its application has had: the formatter's parsing
 * and printing were a quarter of the tracker's stream thread and a sixth of its door (JFR, batched ingest). What
 * Jackson does stays what it decides: any other shape (a number, a lower-case {@code t} or {@code z}, no seconds, an
 * offset without its colon, a year past 9999, an invalid field) and any property with a format of its own go
 * Jackson's standard way, so what is accepted, what is refused with which message, and how a date-time is written
 * do not change ({@code IsoDateTimesTests} compares both ways).
 */
public final class IsoDateTimes {

	private IsoDateTimes() {
	}

	/** The reader and the writer of {@link OffsetDateTime} and the reader of {@link Instant}, in place of Jackson's. */
	public static JacksonModule module() {
		return new SimpleModule("iso-date-times").addDeserializer(OffsetDateTime.class, new Reader())
			.addSerializer(OffsetDateTime.class, new Writer())
			.addDeserializer(Instant.class, new InstantReader());
	}

	/**
	 * {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)}, as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} reads it.
	 * @return {@code null} for anything else, to be read the standard way
	 */
	static OffsetDateTime parse(String text) {
		int length = text.length();
		if (length < 20 || length > 35 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		if ((year | month | day | hour | minute | second) < 0) {
			return null;
		}
		int at = 19;
		int nano = 0;
		if (text.charAt(at) == '.') {
			int first = ++at;
			while (at < length && at - first < 9 && isDigit(text.charAt(at))) {
				nano = nano * 10 + (text.charAt(at++) - '0');
			}
			if (at == first) {
				return null;
			}
			for (int scale = at - first; scale < 9; scale++) {
				nano *= 10;
			}
		}
		try {
			ZoneOffset offset;
			if (at == length - 1 && text.charAt(at) == 'Z') {
				offset = ZoneOffset.UTC;
			}
			else if (at == length - 6 && (text.charAt(at) == '+' || text.charAt(at) == '-')
					&& text.charAt(at + 3) == ':') {
				int hours = digits(text, at + 1, 2);
				int minutes = digits(text, at + 4, 2);
				if ((hours | minutes) < 0) {
					return null;
				}
				int sign = (text.charAt(at) == '-') ? -1 : 1;
				offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
			}
			else {
				return null;
			}
			return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * As {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes it: seconds always, the fraction without trailing
	 * zeros, {@code Z} for UTC.
	 * @return {@code null} for a year outside 0..9999, to be written the standard way
	 */
	static String format(OffsetDateTime value) {
		int year = value.getYear();
		if (year < 0 || year > 9999) {
			return null;
		}
		StringBuilder text = new StringBuilder(35);
		pad(text, year, 4).append('-');
		pad(text, value.getMonthValue(), 2).append('-');
		pad(text, value.getDayOfMonth(), 2).append('T');
		pad(text, value.getHour(), 2).append(':');
		pad(text, value.getMinute(), 2).append(':');
		pad(text, value.getSecond(), 2);
		int nano = value.getNano();
		if (nano > 0) {
			int digits = 9;
			while (nano % 10 == 0) {
				nano /= 10;
				digits--;
			}
			pad(text.append('.'), nano, digits);
		}
		// Z, +HH:MM or +HH:MM:SS: the formatter's offset pattern "+HH:MM:ss"
		return text.append(value.getOffset().getId()).toString();
	}

	/** Jackson trims a date-time before it parses it, NUL and every other control character included: not here. */
	static void refuseSpaced(JsonParser parser, String text, Class<?> type) {
		for (int at = 0; at < text.length(); at++) {
			if (text.charAt(at) <= ' ') {
				throw InvalidFormatException.from(parser, "A date-time with a space or a control character", text,
						type);
			}
		}
	}

	private static int digits(String text, int from, int count) {
		int value = 0;
		for (int at = from; at < from + count; at++) {
			char digit = text.charAt(at);
			if (!isDigit(digit)) {
				return -1;
			}
			value = value * 10 + (digit - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static StringBuilder pad(StringBuilder text, int value, int width) {
		for (int bound = 10, digits = 1; digits < width; bound *= 10, digits++) {
			if (value < bound) {
				text.append('0');
			}
		}
		return text.append(value);
	}

	/** Jackson's reader of {@link OffsetDateTime}, with the plain shape read first. */
	static final class Reader extends InstantDeserializer<OffsetDateTime> {

		Reader() {
			super(InstantDeserializer.OFFSET_DATE_TIME, null, DateTimeFormatter.ISO_OFFSET_DATE_TIME, null, null, null);
		}

		@Override
		protected OffsetDateTime _fromString(JsonParser parser, DeserializationContext context, String text)
				throws JacksonException {
			refuseSpaced(parser, text, OffsetDateTime.class);
			OffsetDateTime value = (this._formatter == DateTimeFormatter.ISO_OFFSET_DATE_TIME) ? parse(text) : null;
			if (value == null) {
				return super._fromString(parser, context, text);
			}
			if (!shouldAdjustToContextTimezone(context)) {
				return value;
			}
			// as Jackson adjusts (its zone look-up is private)
			ZoneId zone = context.getTimeZone().toZoneId();
			return this.adjust.apply(value,
					context.isEnabled(DateTimeFeature.NORMALIZE_DESERIALIZED_ZONE_ID) ? zone.normalized() : zone);
		}

	}

	/**
	 * Jackson's reader of {@link Instant}, with the plain shape in UTC ({@code 2026-11-23T01:15:00Z}, as Jackson
	 * writes an instant) read first. The formatter's instant parsing builds a formatter of its own at each value: a
	 * milestone has two instants and a state one more for each of its events, and they were half of a state's read.
	 */
	static final class InstantReader extends InstantDeserializer<Instant> {

		InstantReader() {
			super(InstantDeserializer.INSTANT, null, DateTimeFormatter.ISO_INSTANT, null, null, null);
		}

		@Override
		protected Instant _fromString(JsonParser parser, DeserializationContext context, String text)
				throws JacksonException {
			refuseSpaced(parser, text, Instant.class);
			OffsetDateTime value = (this._formatter == DateTimeFormatter.ISO_INSTANT && text.endsWith("Z"))
					? parse(text) : null;
			// an instant has no zone to adjust to the context's
			return (value != null) ? value.toInstant() : super._fromString(parser, context, text);
		}

	}

	/** Jackson's writer of {@link OffsetDateTime}, with the plain shape written directly. */
	static final class Writer extends OffsetDateTimeSerializer {

		Writer() {
		}

		private Writer(Writer base, DateTimeFormatter formatter, Boolean useTimestamp, Boolean useNanoseconds,
				JsonFormat.Shape shape) {
			super(base, formatter, useTimestamp, useNanoseconds, shape);
		}

		// a property's format gives a writer of this class too (Jackson makes one for every property)
		@Override
		protected OffsetDateTimeSerializer withFormat(DateTimeFormatter formatter, Boolean useTimestamp,
				JsonFormat.Shape shape) {
			return new Writer(this, formatter, useTimestamp, this._useNanoseconds, shape);
		}

		@Override
		protected OffsetDateTimeSerializer withFeatures(Boolean writeZoneId, Boolean writeNanoseconds) {
			return new Writer(this, this._formatter, this._useTimestamp, writeNanoseconds, this._shape);
		}

		@Override
		protected String formatValue(OffsetDateTime value, SerializationContext context) {
			boolean standard = this._formatter == null && !(context.getConfig().hasExplicitTimeZone()
					&& context.isEnabled(DateTimeFeature.WRITE_DATES_WITH_CONTEXT_TIME_ZONE));
			String text = standard ? format(value) : null;
			return (text != null) ? text : super.formatValue(value, context);
		}

	}

}
