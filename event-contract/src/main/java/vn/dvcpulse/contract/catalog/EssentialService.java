package vn.dvcpulse.contract.catalog;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * One of the 53 essential public services (dịch vụ công thiết yếu).
 *
 * @param code                   P06-01..25 (Decision 06/QĐ-TTg) or Q422-01..28 (Decision 422/QĐ-TTg)
 * @param program                P06 or Q422
 * @param nameVi                 the Vietnamese name; empty for a slot public sources do not name yet
 * @param nameEn                 the English name
 * @param nationalProcedureCodes the national procedure codes (mã TTHC)
 * @param responsibleMinistry    the ministry or body in charge
 * @param level                  where it is handled (central, provincial, commune, ...)
 * @param source                 where the entry comes from
 * @param notes                  remarks on the entry
 * @param confidence             how far the sources can be trusted
 * @param verified               {@code false} for a tracked slot that no source names yet
 * @param feeBearing             whether applicants pay a fee or charge; {@code null} while unknown
 * @param fullProcessEligible    whether it is eligible for full-process online service; {@code null} while unknown
 * @param onlineLevels           its online level over time, oldest first; empty while unknown
 * @param attributesBasis        where the fee, eligibility and level come from
 * @param revision               this version of the entry
 */
public record EssentialService(String code, String program, String nameVi, String nameEn,
		String nationalProcedureCodes, String responsibleMinistry, String level, String source, String notes,
		String confidence, boolean verified, Boolean feeBearing, Boolean fullProcessEligible,
		List<OnlineLevelChange> onlineLevels, String attributesBasis, Revision revision) {

	public EssentialService {
		onlineLevels = (onlineLevels != null) ? List.copyOf(onlineLevels) : List.of();
	}

	/** The online level in force on a day, or {@code null} when the catalog does not know it. */
	public ServiceOnlineLevel onlineLevelOn(LocalDate day) {
		ServiceOnlineLevel level = null;
		for (OnlineLevelChange change : this.onlineLevels.stream()
			.sorted(Comparator.comparing(OnlineLevelChange::effectiveFrom,
					Comparator.nullsFirst(Comparator.naturalOrder())))
			.toList()) {
			if (change.effectiveFrom() == null || !change.effectiveFrom().isAfter(day)) {
				level = change.level();
			}
		}
		return level;
	}

}
