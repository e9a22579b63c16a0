package vn.dvcpulse.catalog.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import vn.dvcpulse.contract.catalog.LocalityVersion;

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

	public static List<EssentialService> services() {
		return rows("reference/essential-services.csv").stream()
			.map((row) -> new EssentialService(row.get("code"), row.get("program"), row.get("name_vi"),
					row.get("name_en"), row.get("national_procedure_code"), row.get("responsible_ministry"),
					row.get("level"), row.get("source"), row.get("notes"), row.get("confidence"),
					!row.get("name_vi").isBlank()))
			.toList();
	}

	/** The 63 units ending 2025-06-30, each with its successor, then the 34 units with their predecessors. */
	public static List<LocalityVersion> localities() {
		Map<String, String> successors = new HashMap<>();
		for (Map<String, String> row : rows("reference/province-merger-2025.csv")) {
			successors.put(row.get("old_gso_code"), row.get("new_code"));
		}
		List<LocalityVersion> localities = new ArrayList<>();
		for (Map<String, String> row : rows("reference/provinces-63.csv")) {
			localities.add(new LocalityVersion(row.get("gso_code"), row.get("name_vi"), row.get("name_vi_full"),
					row.get("name_en"), row.get("type"), row.get("region_en"), decimal(row.get("latitude")),
					decimal(row.get("longitude")), whole(row.get("population")), row.get("population_basis"),
					SIXTY_THREE_FROM, THIRTY_FOUR_FROM.minusDays(1), successors.get(row.get("gso_code")), List.of()));
		}
		for (Map<String, String> row : rows("reference/provinces-34.csv")) {
			localities.add(new LocalityVersion(row.get("new_code"), row.get("name_vi"), row.get("name_vi_full"),
					row.get("name_en"), row.get("type_2025_07_01"), null, decimal(row.get("latitude")),
					decimal(row.get("longitude")), whole(row.get("population_scale")), row.get("population_basis"),
					THIRTY_FOUR_FROM, null, null, Arrays.asList(row.get("formed_from_gso_codes").trim().split("\\s+"))));
		}
		return localities;
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

	private static Double decimal(String text) {
		return (text == null || text.isBlank()) ? null : Double.valueOf(text);
	}

	private static Long whole(String text) {
		return (text == null || text.isBlank()) ? null : Long.valueOf(text);
	}

}
