package vn.dvcpulse.contract.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * A provincial-level unit as it was in force for one interval. A code may be reused by a later unit (Hà Nội is 01
 * before and after 2025-07-01), so a unit is identified by its code and the day it took effect.
 *
 * @param code                     the unit's code
 * @param nameVi                   short Vietnamese name
 * @param nameViFull               full Vietnamese name
 * @param nameEn                   English name
 * @param type                     province or centrally-run city
 * @param region                   socio-economic region, where the source gives one
 * @param latitude                 centroid latitude
 * @param longitude                centroid longitude
 * @param population               population figure
 * @param populationBasis          what the figure is and where it comes from
 * @param adultPopulation          adults living in the unit
 * @param adultPopulationEstimated {@code true} when the adult figure is estimated from a national share
 * @param adultPopulationBasis     what the adult figure is and where it comes from
 * @param validFrom                first day in force
 * @param validTo                  last day in force, {@code null} while in force
 * @param successorCode            the unit it became, {@code null} while in force
 * @param predecessorCodes         the units it was formed from
 * @param revision                 this version of the entry
 */
public record LocalityVersion(String code, String nameVi, String nameViFull, String nameEn, String type,
		String region, Double latitude, Double longitude, Long population, String populationBasis,
		Long adultPopulation, boolean adultPopulationEstimated, String adultPopulationBasis, LocalDate validFrom,
		LocalDate validTo, String successorCode, List<String> predecessorCodes, Revision revision) {

	public LocalityVersion {
		predecessorCodes = (predecessorCodes != null) ? List.copyOf(predecessorCodes) : List.of();
	}

	public static String key(String code, LocalDate validFrom) {
		return code + "@" + validFrom;
	}

	public String key() {
		return key(this.code, this.validFrom);
	}

	public boolean inForceOn(LocalDate day) {
		return !day.isBefore(this.validFrom) && (this.validTo == null || !day.isAfter(this.validTo));
	}

	/** Whether this unit and another's intervals share at least one day. */
	public boolean overlaps(LocalDate from, LocalDate to) {
		boolean startsBeforeOtherEnds = to == null || !this.validFrom.isAfter(to);
		boolean endsAfterOtherStarts = this.validTo == null || !this.validTo.isBefore(from);
		return startsBeforeOtherEnds && endsAfterOtherStarts;
	}

}
