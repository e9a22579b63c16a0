package vn.dvcpulse.aggregator.web;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** No cell of a CSV answer runs as a formula in a spreadsheet. */
class CsvFiguresTests {

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn" })
	void textAFormulaWouldStartWith_isWrittenAsText(String text) {
		assertThat(CsvFigures.inert(text)).isEqualTo("'" + text);
	}

	@Test
	void otherTextAndNumbers_areWrittenAsTheyAre() {
		assertThat(CsvFigures.inert("Hà Nội")).isEqualTo("Hà Nội");
		assertThat(CsvFigures.inert("")).isEqualTo("");
		assertThat(CsvFigures.inert(-5L)).isEqualTo(-5L);
		assertThat(CsvFigures.inert(new BigDecimal("-0.5"))).isEqualTo(new BigDecimal("-0.5"));
		assertThat(CsvFigures.inert(null)).isNull();
	}

}
