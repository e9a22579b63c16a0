package vn.dvcpulse.catalog.domain;

import jakarta.validation.constraints.Size;

/**
 * What a steward writes of a service: everything but its code (and the programme it names), its online levels
 * (changed one at a time, from a date) and its revision (kept by the catalog). Naming an unverified slot is an update with its names and
 * {@code verified: true}.
 */
public record ServiceDraft(
		@Size(max = 500) String nameVi,
		@Size(max = 500) String nameEn,
		@Size(max = 500) String nationalProcedureCodes,
		@Size(max = 200) String responsibleMinistry,
		@Size(max = 200) String level,
		@Size(max = 2000) String source,
		@Size(max = 2000) String notes,
		@Size(max = 200) String confidence,
		boolean verified,
		Boolean feeBearing,
		Boolean fullProcessEligible,
		@Size(max = 2000) String attributesBasis) {

}
