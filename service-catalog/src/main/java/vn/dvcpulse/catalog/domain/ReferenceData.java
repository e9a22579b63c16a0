package vn.dvcpulse.catalog.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import vn.dvcpulse.contract.catalog.EssentialService;
import vn.dvcpulse.contract.catalog.Indicator;
import vn.dvcpulse.contract.catalog.IndicatorTarget;
import vn.dvcpulse.contract.catalog.LocalityVersion;
import vn.dvcpulse.contract.catalog.OnlineLevelChange;
import vn.dvcpulse.contract.catalog.Revision;
import vn.dvcpulse.contract.catalog.ServiceOnlineLevel;

/**
 * The catalog as the public sources give it, bundled under {@code reference/} with their provenance
 * ({@code reference/sources.md}). It seeds the catalog topics; once there, the topics are the truth.
 */
public final class ReferenceData {

	/** The 63 units were in force from the 2008 extension of Hà Nội until the 2025 reorganisation. */
	static final LocalDate SIXTY_THREE_FROM = LocalDate.of(2008, 8, 1);

	/** Resolution 202/2025/QH15: 34 units from 2025-07-01. */
	static final LocalDate THIRTY_FOUR_FROM = LocalDate.of(2025, 7, 1);

	private static final CsvMapper CSV = new CsvMapper();

	private ReferenceData() {
	}

	public static List<EssentialService> services(Instant seededAt) {
		Map<String, Map<String, String>> attributes = new HashMap<>();
		rows("reference/service-attributes.csv").forEach((row) -> attributes.put(row.get("code"), row));
		return rows("reference/essential-services.csv").stream().map((row) -> {
			Map<String, String> known = attributes.getOrDefault(row.get("code"), Map.of());
			List<OnlineLevelChange> levels = blank(known.get("online_level")) ? List.of()
					: List.of(new OnlineLevelChange(ServiceOnlineLevel.valueOf(known.get("online_level")),
							blank(known.get("online_level_from")) ? null
									: LocalDate.parse(known.get("online_level_from"))));
			return new EssentialService(row.get("code"), row.get("program"), row.get("name_vi"), row.get("name_en"),
					row.get("national_procedure_code"), row.get("responsible_ministry"), row.get("level"),
					row.get("source"), row.get("notes"), row.get("confidence"), !blank(row.get("name_vi")),
					yesNo(known.get("fee_bearing")), yesNo(known.get("full_process_eligible")), levels,
					known.get("basis"), Revision.seeded(seededAt));
		}).toList();
	}

	/** The 63 units ending 2025-06-30, each with its successor, then the 34 units with their predecessors. */
	public static List<LocalityVersion> localities(Instant seededAt) {
		Map<String, String> successors = new HashMap<>();
		for (Map<String, String> row : rows("reference/province-merger-2025.csv")) {
			successors.put(row.get("old_gso_code"), row.get("new_code"));
		}
		AdultShare adults = adultShare();
		List<LocalityVersion> localities = new ArrayList<>();
		for (Map<String, String> row : rows("reference/provinces-63.csv")) {
			Long population = whole(row.get("population"));
			localities.add(new LocalityVersion(row.get("gso_code"), row.get("name_vi"), row.get("name_vi_full"),
					row.get("name_en"), row.get("type"), row.get("region_en"), decimal(row.get("latitude")),
					decimal(row.get("longitude")), population, row.get("population_basis"), adults.of(population),
					true, adults.basis(), SIXTY_THREE_FROM, THIRTY_FOUR_FROM.minusDays(1),
					successors.get(row.get("gso_code")), List.of(), Revision.seeded(seededAt)));
		}
		for (Map<String, String> row : rows("reference/provinces-34.csv")) {
			Long population = whole(row.get("population_scale"));
			localities.add(new LocalityVersion(row.get("new_code"), row.get("name_vi"), row.get("name_vi_full"),
					row.get("name_en"), row.get("type_2025_07_01"), null, decimal(row.get("latitude")),
					decimal(row.get("longitude")), population, row.get("population_basis"), adults.of(population),
					true, adults.basis(), THIRTY_FOUR_FROM, null, null,
					Arrays.asList(row.get("formed_from_gso_codes").trim().split("\\s+")), Revision.seeded(seededAt)));
		}
		return localities;
	}

	public static List<IndicatorTarget> targets(Instant seededAt) {
		return rows("reference/indicator-targets.csv").stream()
			.map((row) -> new IndicatorTarget(Indicator.valueOf(row.get("indicator")),
					new BigDecimal(row.get("threshold")), LocalDate.parse(row.get("effective_from")), row.get("basis"),
					Revision.seeded(seededAt)))
			.toList();
	}

	/** Adults in a unit with no adult figure of its own, estimated from the national share. */
	public static Long adultsOf(Long population) {
		return adultShare().of(population);
	}

	/** What an estimated adult figure is and where it comes from. */
	public static String adultEstimateBasis() {
		return adultShare().basis();
	}

	/** No unit has an adult figure of its own in the sources: each is estimated from the national share. */
	private static AdultShare adultShare() {
		Map<String, String> row = rows("reference/adult-share.csv").get(0);
		return new AdultShare(new BigDecimal(row.get("share")), row.get("basis"));
	}

	record AdultShare(BigDecimal share, String source) {

		Long of(Long population) {
			return (population == null) ? null
					: new BigDecimal(population).multiply(this.share).setScale(0, RoundingMode.HALF_EVEN).longValue();
		}

		String basis() {
			return "estimate: population × " + this.share.toPlainString() + " (national share; " + this.source + ")";
		}

	}

	private static List<Map<String, String>> rows(String path) {
		CsvSchema schema = CsvSchema.emptySchema().withHeader();
		try (InputStream in = new ClassPathResource(path).getInputStream();
				MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class).with(schema)
					.readValues(in)) {
			return rows.readAll();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path, ex);
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static Boolean yesNo(String text) {
		return blank(text) ? null : "yes".equalsIgnoreCase(text.trim());
	}

	private static Double decimal(String text) {
		return blank(text) ? null : Double.valueOf(text);
	}

	private static Long whole(String text) {
		return blank(text) ? null : Long.valueOf(text);
	}

}
