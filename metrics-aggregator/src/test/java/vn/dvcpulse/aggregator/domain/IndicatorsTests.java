package vn.dvcpulse.aggregator.domain;

import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.dvcpulse.aggregator.Milestones;
import vn.dvcpulse.contract.event.Channel;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;
import vn.dvcpulse.testsupport.TestCatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IndicatorsTests {

	@Test
	void rates_areTheirCountsRoundedHalfEvenToFourPlaces() {
		assertThat(new Rate(2, 3).value()).isEqualByComparingTo("0.6667");
		assertThat(new Rate(1, 8).value()).hasToString("0.1250");
		assertThat(new Rate(0, 0).value()).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> new Rate(4, 3));
	}

	@Test
	void indicators_ofHandMadeCounts() {
		// P06-03 (partial, not eligible for full-process): 2 online of 3; P06-05 (eligible): 1 online FULL of 1
		ApplicationMilestone a = Milestones.received("01", "P06-03", "A", "2025-08-01T09:00:00+07:00", Channel.ONLINE);
		ApplicationMilestone b = Milestones.received("01", "P06-03", "B", "2025-08-01T09:00:00+07:00", Channel.ONLINE);
		ApplicationMilestone c = Milestones.received("01", "P06-03", "C", "2025-08-01T09:00:00+07:00",
				Channel.IN_PERSON);
		ApplicationMilestone d = Milestones.received("01", "P06-05", "D", "2025-08-01T09:00:00+07:00", Channel.ONLINE);
		Counts residence = counted(a, b, c, Milestones.completed(a, "2025-08-03T09:00:00+07:00", true),
				Milestones.completed(b, "2025-08-09T09:00:00+07:00", false),
				Milestones.rated(a, "2025-08-04T09:00:00+07:00", 5), Milestones.rated(b, "2025-08-10T09:00:00+07:00", 2));
		Counts absence = counted(d);

		Indicators indicators = Indicators.of(Map.of("P06-03", residence, "P06-05", absence), TestCatalog.lookup());

		assertThat(indicators.volume()).isEqualTo(4);
		assertThat(indicators.onlineSubmission()).isEqualTo(new Rate(3, 4));
		assertThat(indicators.fullProcessOnline()).isEqualTo(new Rate(1, 1));
		assertThat(indicators.onTime()).isEqualTo(new Rate(1, 2));
		assertThat(indicators.electronicResult()).isEqualTo(new Rate(2, 2));
		assertThat(indicators.satisfied()).isEqualTo(new Rate(1, 2));
		assertThat(indicators.averageSatisfaction()).isEqualByComparingTo("3.5");
		assertThat(indicators.onlinePayment()).isEqualTo(new Rate(0, 0));
	}

	/** The counts of milestones, as the rollup adds them. */
	private static Counts counted(ApplicationMilestone... milestones) {
		Counts counts = Counts.NONE;
		for (ApplicationMilestone milestone : milestones) {
			counts = counts.add(Counts.of(milestone));
		}
		return counts;
	}

}
