package vn.dvcpulse.catalog.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.dvcpulse.contract.catalog.EssentialService;
import vn.dvcpulse.contract.catalog.LocalityVersion;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceDataTests {

	final List<EssentialService> services = ReferenceData.services();

	final List<LocalityVersion> localities = ReferenceData.localities();

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

	private List<LocalityVersion> inForce(LocalDate day) {
		return this.localities.stream().filter((l) -> l.inForceOn(day)).toList();
	}

}
