package vn.dvcpulse.catalog.domain;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A new locality version: a unit that takes effect on a day, formed from the units named as its predecessors
 * (a merger, a split, a renaming, or a unit that simply continues). Each predecessor's version in force the day
 * before is closed with this unit as its successor, so a future reorganisation is data, not code.
 */
public record LocalityDraft(
		@NotBlank @Pattern(regexp = "\\d{2}", message = "a two-digit code") String code,
		@NotBlank @Size(max = 200) String nameVi,
		@Size(max = 200) String nameViFull,
		@Size(max = 200) String nameEn,
		@NotBlank @Size(max = 100) String type,
		@Size(max = 200) String region,
		@DecimalMin("8.0") @DecimalMax("24.0") Double latitude,
		@DecimalMin("102.0") @DecimalMax("110.0") Double longitude,
		@PositiveOrZero Long population,
		@Size(max = 1000) String populationBasis,
		@PositiveOrZero Long adultPopulation,
		@Size(max = 1000) String adultPopulationBasis,
		@NotNull LocalDate validFrom,
		List<@Pattern(regexp = "\\d{2}", message = "two-digit codes") String> predecessorCodes) {

}
