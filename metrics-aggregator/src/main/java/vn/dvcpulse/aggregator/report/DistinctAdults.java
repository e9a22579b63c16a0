package vn.dvcpulse.aggregator.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

import vn.dvcpulse.aggregator.domain.DistinctCitizens;
import vn.dvcpulse.aggregator.domain.Rate;
import vn.dvcpulse.contract.catalog.LocalityVersion;

/**
 * Distinct adults using online services: the estimated distinct applicants (by {@code citizenRef}) over the adult
 * population of the unit(s), both stated with how they were obtained.
 *
 * @param estimate                     distinct applicants, estimated
 * @param relativeStandardErrorPercent the estimate's relative standard error
 * @param adultPopulation              the adults of the unit(s), from the catalog
 * @param adultPopulationEstimated     whether that figure is itself an estimate (a national share)
 * @param share                        estimate ÷ adult population, four places
 */
public record DistinctAdults(long estimate, double relativeStandardErrorPercent, Long adultPopulation,
		boolean adultPopulationEstimated, BigDecimal share) {

	static DistinctAdults of(long estimate, List<LocalityVersion> units) {
		Long adults = !units.isEmpty() && units.stream().allMatch((u) -> u.adultPopulation() != null)
				? units.stream().mapToLong(LocalityVersion::adultPopulation).sum() : null;
		boolean estimated = units.stream().anyMatch(LocalityVersion::adultPopulationEstimated);
		BigDecimal share = (adults == null || adults == 0) ? null
				: BigDecimal.valueOf(estimate).divide(BigDecimal.valueOf(adults), Rate.SCALE, RoundingMode.HALF_EVEN);
		return new DistinctAdults(estimate, DistinctCitizens.RELATIVE_STANDARD_ERROR_PERCENT, adults, estimated, share);
	}

	/** As a rate, for the distance to its target; the estimate is capped at the population it is a share of. */
	Optional<Rate> rate() {
		if (this.adultPopulation == null || this.adultPopulation == 0) {
			return Optional.empty();
		}
		return Optional.of(new Rate(Math.min(this.estimate, this.adultPopulation), this.adultPopulation));
	}

}
