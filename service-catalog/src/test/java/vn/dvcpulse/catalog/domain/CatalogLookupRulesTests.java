package vn.dvcpulse.catalog.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.dvcpulse.contract.catalog.CatalogLookup;
import vn.dvcpulse.contract.catalog.Indicator;
import vn.dvcpulse.contract.catalog.LocalityVersion;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared lookup's rules, on the real reference data. */
class CatalogLookupRulesTests {

	static final Instant SEEDED = Instant.parse("2026-01-01T00:00:00Z");

	final CatalogLookup lookup = new CatalogLookup(ReferenceData.services(SEEDED), ReferenceData.localities(SEEDED),
			ReferenceData.targets(SEEDED));

	@Test
	void haGiang_isValidUntilTheMerger_andRestatesToTuyenQuang() {
		Instant lastDay = Instant.parse("2025-06-30T16:59:59Z"); // 23:59:59 in Viet Nam
		assertThat(this.lookup.locality("02", lastDay)).map(LocalityVersion::nameVi).contains("Hà Giang");
		assertThat(this.lookup.currentUnitOf("02", lastDay)).map(LocalityVersion::code).contains("08");
		assertThat(this.lookup.currentUnitOf("02", lastDay)).map(LocalityVersion::validFrom)
			.contains(LocalDate.of(2025, 7, 1));
	}

	@Test
	void haGiang_isNoLongerValidFromTheFirstDayOfThe34() {
		Instant firstDay = Instant.parse("2025-06-30T17:00:00Z"); // 00:00 on 1 July in Viet Nam
		assertThat(this.lookup.locality("02", firstDay)).isEmpty();
		assertThat(this.lookup.currentUnitOf("02", firstDay)).isEmpty();
	}

	@Test
	void aUnitThatDidNotMerge_keepsItsCode() {
		Instant before = Instant.parse("2024-03-01T03:00:00Z");
		assertThat(this.lookup.currentUnitOf("01", before)).map(LocalityVersion::code).contains("01");
		assertThat(this.lookup.currentUnitOf("04", before)).map(LocalityVersion::key).contains("04@2025-07-01");
	}

	@Test
	void restatingIntoThePastBoundaries_keepsTheUnitOfTheTime() {
		Instant before = Instant.parse("2024-03-01T03:00:00Z");
		assertThat(this.lookup.restate("02", before, LocalDate.of(2024, 12, 31))).map(LocalityVersion::key)
			.contains("02@2008-08-01");
	}

	@Test
	void predecessorsOfACurrentUnit_areTheUnitsItWasFormedFrom() {
		LocalityVersion tuyenQuang = this.lookup.locality("08", LocalDate.of(2025, 7, 1)).orElseThrow();
		assertThat(this.lookup.predecessorsOf(tuyenQuang)).extracting(LocalityVersion::key)
			.containsExactlyInAnyOrder("02@2008-08-01", "08@2008-08-01");
	}

	@Test
	void aUnitAnswersForItsOwnCode_andTheCodesOfTheUnitsMergedIntoIt() {
		assertThat(this.lookup.lineageOf("08")).containsExactlyInAnyOrder("08", "02");
		assertThat(this.lookup.lineageOf("79")).contains("79", "74", "77");
		assertThat(this.lookup.lineageOf("01")).containsExactly("01");
		assertThat(this.lookup.lineageOf("02")).containsExactly("02");
		assertThat(this.lookup.lineageOf("00")).isEmpty();
	}

	@Test
	void knownServices_andTargetsInForce() {
		assertThat(this.lookup.isKnownService("P06-03")).isTrue();
		assertThat(this.lookup.isKnownService("P06-99")).isFalse();
		assertThat(this.lookup.targetInForce(Indicator.ONLINE_SUBMISSION, LocalDate.of(2025, 1, 1)))
			.hasValueSatisfying((t) -> assertThat(t.threshold()).isEqualByComparingTo("0.5"));
		assertThat(this.lookup.targetInForce(Indicator.ONLINE_SUBMISSION, LocalDate.of(2022, 1, 1))).isEmpty();
		assertThat(this.lookup.catalogVersion()).isEqualTo(1);
	}

}
