package vn.dvcpulse.aggregator.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;
import vn.dvcpulse.aggregator.domain.Indicators;
import vn.dvcpulse.aggregator.domain.Rate;
import vn.dvcpulse.aggregator.report.DistinctAdults;
import vn.dvcpulse.aggregator.report.LocalityReport.LocalityFigure;
import vn.dvcpulse.aggregator.report.LocalityReport.National;
import vn.dvcpulse.aggregator.report.LocalityReport.PeriodFigure;
import vn.dvcpulse.aggregator.report.LocalityReport.Report;

/**
 * The figures as CSV ({@code Accept: text/csv} or {@code ?format=csv}) for the Committee's spreadsheets: one row per
 * locality (or per period for the nation), each rate with its numerator, denominator and rank.
 */
@Component
class CsvFigures extends AbstractHttpMessageConverter<Object> {

	static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	/** Quotes only what must be quoted, so the file reads the same in any spreadsheet. */
	private final CsvMapper csv = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();

	CsvFigures() {
		super(TEXT_CSV);
	}

	@Override
	protected boolean supports(Class<?> type) {
		return Report.class.equals(type) || National.class.equals(type);
	}

	@Override
	protected boolean canRead(MediaType mediaType) {
		return false;
	}

	@Override
	protected Object readInternal(Class<?> type, HttpInputMessage input) {
		throw new HttpMessageNotReadableException("Figures are not read as CSV", input);
	}

	@Override
	protected void writeInternal(Object figures, HttpOutputMessage output) throws IOException {
		List<String> columns = new ArrayList<>();
		List<Map<String, Object>> rows = new ArrayList<>();
		if (figures instanceof Report report) {
			columns.addAll(List.of("locality_code", "name", "period_from", "period_to", "boundaries",
					"catalog_version", "volume", "overdue_in_progress", "ranked", "distinct_adults_estimate", "adult_population",
					"distinct_adults_share"));
			for (LocalityFigure figure : report.localities()) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("locality_code", figure.localityCode());
				row.put("name", figure.name());
				row.put("period_from", report.period().from());
				row.put("period_to", report.period().to());
				row.put("boundaries", report.boundaries());
				row.put("catalog_version", report.catalogVersion());
				row.put("volume", figure.volume());
				row.put("overdue_in_progress", figure.indicators().overdueInProgress());
				row.put("ranked", figure.ranked());
				DistinctAdults adults = figure.distinctAdults();
				row.put("distinct_adults_estimate", (adults != null) ? adults.estimate() : null);
				row.put("adult_population", (adults != null) ? adults.adultPopulation() : null);
				row.put("distinct_adults_share", (adults != null) ? adults.share() : null);
				rates(row, figure.indicators(), figure.ranks());
				rows.add(row);
			}
		}
		else if (figures instanceof National national) {
			columns.addAll(List.of("period", "period_from", "period_to", "catalog_version", "volume",
					"overdue_in_progress"));
			for (PeriodFigure figure : national.series()) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("period", figure.period());
				row.put("period_from", figure.from());
				row.put("period_to", figure.to());
				row.put("catalog_version", national.catalogVersion());
				row.put("volume", figure.indicators().volume());
				row.put("overdue_in_progress", figure.indicators().overdueInProgress());
				rates(row, figure.indicators(), null);
				rows.add(row);
			}
		}
		for (String rate : Indicators.RATES.keySet()) {
			String column = column(rate);
			columns.addAll(List.of(column + "_numerator", column + "_denominator", column + "_rate"));
			if (figures instanceof Report) {
				columns.add(column + "_rank");
			}
		}
		rows.forEach((row) -> row.replaceAll((column, value) -> inert(value)));
		CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
		columns.forEach(schema::addColumn);
		try (Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8)) {
			this.csv.writer(schema.build()).writeValues(writer).writeAll(rows);
		}
	}

	private static void rates(Map<String, Object> row, Indicators indicators, Map<String, Integer> ranks) {
		Indicators.RATES.forEach((name, read) -> {
			Rate rate = read.apply(indicators);
			String column = column(name);
			row.put(column + "_numerator", rate.numerator());
			row.put(column + "_denominator", rate.denominator());
			row.put(column + "_rate", rate.value());
			if (ranks != null) {
				row.put(column + "_rank", ranks.get(name));
			}
		});
	}

	/** Spreadsheet columns are snake_case: onlineSubmission → online_submission. */
	/**
	 * Text a spreadsheet would run as a formula (a leading {@code = + - @}, tab or carriage return) is written
	 * behind an apostrophe, so it reads as text (OWASP's advice on CSV injection); numbers stay numbers.
	 */
	static Object inert(Object value) {
		if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return value;
	}

	private static String column(String name) {
		return name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
	}

}
