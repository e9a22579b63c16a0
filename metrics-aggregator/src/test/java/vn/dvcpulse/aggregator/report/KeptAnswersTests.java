package vn.dvcpulse.aggregator.report;

import java.util.Collections;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The kept answers are bounded by the figures they hold, so a few wide questions cannot fill the heap. */
class KeptAnswersTests {

	@Test
	void anAnswer_weighsItsFigures_oneAtLeast() {
		LocalityReport.National days = new LocalityReport.National(null, 1, "v", null, null,
				Collections.nCopies(1_096, null));
		assertThat(LocalityReport.figures(days)).isEqualTo(1_096);
		assertThat(LocalityReport.figures(new LocalityReport.National(null, 1, "v", null, null,
				Collections.emptyList()))).isEqualTo(1);
		assertThat(LocalityReport.FIGURES_KEPT / LocalityReport.figures(days))
			.as("three-year daily answers kept at most").isLessThan(20);
	}

}
