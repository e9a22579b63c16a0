package vn.dvcpulse.contract;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The plain shape read and written without the formatter gives what Jackson's own reader and writer give, for
 * values and for mistakes, with Jackson's settings as the services use them and with the ones they might change.
 */
class IsoDateTimesTests {

	private static final JsonMapper STANDARD = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final JsonMapper FAST = STANDARD.rebuild().addModule(IsoDateTimes.module()).build();

	record Stamped(OffsetDateTime occurredAt, OffsetDateTime dueAt) {
	}

	record Recorded(Instant recordedAt) {
	}

	record Formatted(@JsonFormat(pattern = "dd/MM/yyyy HH:mm xxx") OffsetDateTime at) {
	}

	@Test
	void readsWhatTheFormatterReadsAndRefusesWhatItRefuses() {
		List<String> texts = new ArrayList<>(List.of("2026-11-23T08:15:00+07:00", "2026-11-23T08:15:00Z",
				"2026-11-23T08:15:00.5Z", "2026-11-23T08:15:00.123456789-03:30", "2026-11-23T08:15:00+00:00",
				"2026-11-23T08:15:00-00:00", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999+18:00",
				// other shapes, left to the formatter: some it reads, some it refuses
				"2026-11-23t08:15:00z", "2026-11-23T08:15+07:00", "2026-11-23T08:15:00+0700", "2026-11-23T08:15:00+07",
				"2026-11-23T08:15:00.+07:00", "2026-11-23T08:15:00.1234567891Z", "2026-11-23T08:15:00+07:00:30",
				"+12026-11-23T08:15:00Z", "1700000000000", "1700000000.5", "",
				// invalid fields in the plain shape
				"2026-02-30T08:15:00Z", "2026-13-01T08:15:00Z", "2026-11-23T24:00:00Z", "2026-11-23T08:60:00Z",
				"2026-11-23T08:15:60Z", "2026-11-23T08:15:00+19:00", "2026-11-23T08:15:00+07:60",
				"2026-11-23T08:15:00+7:00", "2026-1l-23T08:15:00Z"));
		Random random = new Random(8);
		for (int i = 0; i < 2_000; i++) {
			texts.add(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(randomDateTime(random)));
		}
		assertReadAsJacksonReadsThem(texts, "occurredAt", Stamped.class);
	}

	/** Where Jackson trims first (and takes a NUL or a tab as a space), nothing spaced is read. */
	@Test
	void refusesEveryDateTimeWithASpaceOrAControlCharacter_whichJacksonWouldTrim() {
		for (String text : List.of(" 2026-11-23T08:15:00Z ", "2026-11-23T08:15:00Z\\u0000", "\\t2026-11-23T08:15:00Z",
				"2026-11-23T08:15:00+07:00\\n", "2026-11-23 08:15:00Z")) {
			assertThatThrownBy(() -> FAST.readValue("{\"occurredAt\":\"" + text + "\"}",
					Stamped.class)).as(text).isInstanceOf(InvalidFormatException.class);
			assertThatThrownBy(() -> FAST.readValue("{\"recordedAt\":\"" + text + "\"}",
					Recorded.class)).as(text).isInstanceOf(InvalidFormatException.class);
		}
	}

	@Test
	void readsInstantsAsTheFormatterReadsThem() {
		List<String> texts = new ArrayList<>(List.of("2026-11-23T01:15:00Z", "2026-11-23T01:15:00.5Z",
				"2026-11-23T01:15:00.123456789Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
				// other shapes, left to the formatter
				"2026-11-23T08:15:00+07:00", "2026-11-23T01:15:00+00:00", "2026-11-23t01:15:00z",
				"2026-11-23T01:15Z", "2026-11-23T23:59:60Z", "2026-11-23T01:15:00.1234567891Z", "+12026-11-23T01:15:00Z",
				"1700000000000", "1700000000.5", "",
				// invalid fields in the plain shape
				"2026-02-30T01:15:00Z", "2026-13-01T01:15:00Z", "2026-11-23T24:00:00Z", "2026-11-23T01:60:00Z",
				"2026-1l-23T01:15:00Z"));
		Random random = new Random(41);
		for (int i = 0; i < 2_000; i++) {
			texts.add(DateTimeFormatter.ISO_INSTANT.format(randomDateTime(random)));
		}
		assertReadAsJacksonReadsThem(texts, "recordedAt", Recorded.class);
	}

	@Test
	void writesWhatTheFormatterWrites() {
		Random random = new Random(23);
		List<OffsetDateTime> values = new ArrayList<>(List.of(OffsetDateTime.parse("2026-11-23T08:15:00+07:00"),
				OffsetDateTime.parse("2026-11-23T08:15:00.120Z"), OffsetDateTime.parse("2026-11-23T08:00:00.000001Z"),
				OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 100, ZoneOffset.ofHoursMinutesSeconds(5, 30, 15)),
				OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
				OffsetDateTime.of(-1, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-8))));
		for (int i = 0; i < 2_000; i++) {
			values.add(randomDateTime(random));
		}
		for (OffsetDateTime value : values) {
			Stamped stamped = new Stamped(value, value.plusDays(7));
			assertThat(FAST.writeValueAsString(stamped)).isEqualTo(STANDARD.writeValueAsString(stamped));
			assertThat(FAST.writeValueAsString(value)).isEqualTo(STANDARD.writeValueAsString(value));
			assertThat(inZone(FAST).writeValueAsString(stamped))
				.isEqualTo(inZone(STANDARD).writeValueAsString(stamped));
			assertThat(FAST.rebuild().enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build().writeValueAsString(
					stamped))
				.isEqualTo(STANDARD.rebuild().enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build()
					.writeValueAsString(stamped));
		}
	}

	@Test
	void aPropertyWithAFormatOfItsOwnKeepsIt() {
		Formatted value = new Formatted(OffsetDateTime.parse("2026-11-23T08:15:00+07:00"));
		String json = FAST.writeValueAsString(value);
		assertThat(json).isEqualTo("{\"at\":\"23/11/2026 08:15 +07:00\"}").isEqualTo(STANDARD.writeValueAsString(value));
		assertThat(FAST.readValue(json, Formatted.class)).isEqualTo(STANDARD.readValue(json, Formatted.class));
	}

	@Test
	void theSerdesReadAndWriteThePlainShapeWithoutTheFormatter() {
		OffsetDateTime value = OffsetDateTime.parse("2026-11-23T08:15:00.25+07:00");
		assertThat(IsoDateTimes.parse("2026-11-23T08:15:00.25+07:00")).isEqualTo(value);
		assertThat(IsoDateTimes.format(value)).isEqualTo("2026-11-23T08:15:00.25+07:00");
		assertThat(JsonSerdes.MAPPER.writeValueAsString(new Stamped(value, null)))
			.isEqualTo(FAST.writeValueAsString(new Stamped(value, null)));
		assertThat(JsonSerdes.MAPPER.readValue("{\"occurredAt\":\"2026-11-23T08:15:00+07:00\"}", Stamped.class))
			.isEqualTo(FAST.readValue("{\"occurredAt\":\"2026-11-23T08:15:00+07:00\"}", Stamped.class));
	}

	/** Each text as the property of a {@code type}, read with and without the module, in three settings. */
	private static void assertReadAsJacksonReadsThem(List<String> texts, String property, Class<?> type) {
		for (String text : texts) {
			String json = "{\"" + property + "\":\"" + text + "\"}";
			for (JsonMapper[] mappers : List.of(new JsonMapper[] { STANDARD, FAST },
					new JsonMapper[] { without(STANDARD), without(FAST) },
					new JsonMapper[] { inZone(STANDARD), inZone(FAST) })) {
				Object expected = readOrFailure(mappers[0], json, type);
				assertThat(readOrFailure(mappers[1], json, type)).as(text).isEqualTo(expected);
			}
		}
	}

	private static Object readOrFailure(JsonMapper mapper, String json, Class<?> type) {
		Throwable failure = catchThrowable(() -> mapper.readValue(json, type));
		return (failure == null) ? mapper.readValue(json, type)
				: failure.getClass().getName() + ": " + failure.getMessage();
	}

	private static JsonMapper without(JsonMapper mapper) {
		return mapper.rebuild().disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();
	}

	private static JsonMapper inZone(JsonMapper mapper) {
		return mapper.rebuild()
			.defaultTimeZone(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"))
			.enable(DateTimeFeature.WRITE_DATES_WITH_CONTEXT_TIME_ZONE)
			.build();
	}

	private static OffsetDateTime randomDateTime(Random random) {
		int[] nanos = { 0, 0, random.nextInt(1_000) * 1_000_000, random.nextInt(1_000_000) * 1_000,
				random.nextInt(1_000_000_000) };
		int offsetMinutes = (random.nextInt(37) - 18) * 60 + (random.nextBoolean() ? 0 : 30);
		return OffsetDateTime.of(1900 + random.nextInt(300), 1 + random.nextInt(12), 1 + random.nextInt(28),
				random.nextInt(24), random.nextInt(60), random.nextInt(60), nanos[random.nextInt(nanos.length)],
				ZoneOffset.ofTotalSeconds(Math.max(-18 * 3600, Math.min(18 * 3600, offsetMinutes * 60))));
	}

}
