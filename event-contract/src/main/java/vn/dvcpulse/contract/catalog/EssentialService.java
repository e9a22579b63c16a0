package vn.dvcpulse.contract.catalog;

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
 */
public record EssentialService(String code, String program, String nameVi, String nameEn,
		String nationalProcedureCodes, String responsibleMinistry, String level, String source, String notes,
		String confidence, boolean verified) {

}
