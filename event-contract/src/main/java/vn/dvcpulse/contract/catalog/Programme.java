package vn.dvcpulse.contract.catalog;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The two programmes the 53 essential services come from; an {@link EssentialService}'s {@code program}. */
public enum Programme {

	/** The 25 services of Project 06 (Decision 06/QĐ-TTg, 2022-01-06). */
	P06,
	/** The 28 services of Decision 422/QĐ-TTg (2022-04-04). */
	Q422;

	/** The programme a query names, in any case; empty for anything else. */
	public static Optional<Programme> of(String text) {
		return Arrays.stream(values()).filter((programme) -> programme.name().equalsIgnoreCase(text.strip()))
			.findFirst();
	}

	/** Whether a service is of this programme. */
	public boolean includes(EssentialService service) {
		return name().equalsIgnoreCase(service.program());
	}

	/** What a query must name, as its problem says. */
	public static String expected() {
		return Arrays.stream(values()).map(Programme::name).collect(Collectors.joining(" or "));
	}

}
