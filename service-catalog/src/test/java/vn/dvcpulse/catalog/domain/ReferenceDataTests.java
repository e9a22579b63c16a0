package vn.dvcpulse.catalog.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.dvcpulse.contract.catalog.EssentialService;
import vn.dvcpulse.contract.catalog.Indicator;
import vn.dvcpulse.contract.catalog.IndicatorTarget;
import vn.dvcpulse.contract.catalog.Revision;
import vn.dvcpulse.contract.catalog.ServiceOnlineLevel;
import vn.dvcpulse.contract.catalog.LocalityVersion;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceDataTests {

	static final Instant SEEDED = Instant.parse("2026-01-01T00:00:00Z");

	final List<EssentialService> services = ReferenceData.services(SEEDED);

	final List<LocalityVersion> localities = ReferenceData.localities(SEEDED);

	@Test
	void fiftyThreeServices_fortyThreeNamed_tenTrackedUnverified() {
		assertThat(this.services).hasSize(53);
		assertThat(this.services).extracting(EssentialService::code).doesNotHaveDuplicates();
		assertThat(this.services).filteredOn(EssentialService::verified).hasSize(43);
		assertThat(this.services).filteredOn((s) -> !s.verified())
			.extracting(EssentialService::code)
			.containsExactly("Q422-19", "Q422-20", "Q422-21", "Q422-22", "Q422-23", "Q422-24", "Q422-25", "Q422-26",
					"Q422-27", "Q422-28");
		assertThat(this.services).filteredOn((s) -> s.program().equals("P06")).hasSize(25);
		assertThat(this.services).filteredOn((s) -> s.program().equals("Q422")).hasSize(28);
	}

	@Test
	void sixtyThreeUnitsUntilTheMerger_thirtyFourFromIt() {
		assertThat(inForce(LocalDate.of(2025, 6, 30))).hasSize(63);
		assertThat(inForce(LocalDate.of(2025, 7, 1))).hasSize(34);
		assertThat(this.localities).extracting(LocalityVersion::key).doesNotHaveDuplicates();
		assertThat(this.localities).allSatisfy((l) -> {
			assertThat(l.population()).isPositive();
			assertThat(l.latitude()).isBetween(8.0, 24.0);
			assertThat(l.longitude()).isBetween(102.0, 110.0);
		});
	}

	@Test
	void everyOldUnitHasOneSuccessor_andLineageAgreesBothWays() {
		Map<String, LocalityVersion> current = inForce(LocalDate.of(2025, 7, 1)).stream()
			.collect(Collectors.toMap(LocalityVersion::code, Function.identity()));
		List<LocalityVersion> old = inForce(LocalDate.of(2025, 6, 30));
		assertThat(old).allSatisfy((unit) -> {
			assertThat(current).containsKey(unit.successorCode());
			assertThat(current.get(unit.successorCode()).predecessorCodes()).contains(unit.code());
		});
		Set<String> oldCodes = old.stream().map(LocalityVersion::code).collect(Collectors.toSet());
		assertThat(current.values().stream().flatMap((unit) -> unit.predecessorCodes().stream()))
			.hasSize(63)
			.doesNotHaveDuplicates()
			.allSatisfy((code) -> assertThat(oldCodes).contains(code));
	}

	@Test
	void haGiang_mergedIntoTuyenQuang() {
		LocalityVersion haGiang = inForce(LocalDate.of(2025, 6, 30)).stream()
			.filter((l) -> l.code().equals("02"))
			.findFirst()
			.orElseThrow();
		assertThat(haGiang.nameVi()).isEqualTo("Hà Giang");
		assertThat(haGiang.successorCode()).isEqualTo("08");
		assertThat(inForce(LocalDate.of(2025, 7, 1))).extracting(LocalityVersion::code).doesNotContain("02");
	}

	@Test
	void serviceAttributes_areOnlyWhatTheSourcesSay() {
		EssentialService residence = service("P06-03");
		assertThat(residence.onlineLevelOn(LocalDate.of(2026, 9, 25))).isEqualTo(ServiceOnlineLevel.PARTIAL);
		assertThat(residence.feeBearing()).isNull();
		EssentialService trafficFines = service("P06-08");
		assertThat(trafficFines.feeBearing()).isTrue();
		assertThat(trafficFines.fullProcessEligible()).isTrue();
		assertThat(trafficFines.onlineLevelOn(LocalDate.of(2026, 9, 25))).isEqualTo(ServiceOnlineLevel.FULL);
		EssentialService slot = service("Q422-19");
		assertThat(slot.onlineLevels()).isEmpty();
		assertThat(slot.attributesBasis()).contains("unnamed slot");
		assertThat(this.services).allSatisfy((s) -> assertThat(s.revision()).isEqualTo(Revision.seeded(SEEDED)));
	}

	@Test
	void adultPopulations_areMarkedEstimatesWithTheirSource() {
		assertThat(this.localities).allSatisfy((l) -> {
			assertThat(l.adultPopulation()).isPositive().isLessThan(l.population());
			assertThat(l.adultPopulationEstimated()).isTrue();
			assertThat(l.adultPopulationBasis()).startsWith("estimate: population × 0.7679");
		});
	}

	@Test
	void targets_holdTheOfficialThresholdsAndTheSeedForAdults() {
		Map<Indicator, BigDecimal> thresholds = ReferenceData.targets(SEEDED).stream()
			.collect(Collectors.toMap(IndicatorTarget::indicator, IndicatorTarget::threshold));
		assertThat(thresholds).containsEntry(Indicator.ONLINE_SUBMISSION, new BigDecimal("0.50"))
			.containsEntry(Indicator.DIGITISATION, new BigDecimal("0.80"))
			.containsEntry(Indicator.SATISFACTION, new BigDecimal("0.90"))
			.containsEntry(Indicator.ADULTS_USING_ONLINE, new BigDecimal("0.40"))
			.hasSize(Indicator.values().length);
	}

	private EssentialService service(String code) {
		return this.services.stream().filter((s) -> s.code().equals(code)).findFirst().orElseThrow();
	}

	private List<LocalityVersion> inForce(LocalDate day) {
		return this.localities.stream().filter((l) -> l.inForceOn(day)).toList();
	}

}
