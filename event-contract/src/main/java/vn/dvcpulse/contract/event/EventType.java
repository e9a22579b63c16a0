package vn.dvcpulse.contract.event;

/** The steps of an application's life that a local system reports. */
public enum EventType {

	/** The receipt (tiếp nhận): exactly one per application. */
	SUBMITTED,
	PAID,
	DIGITIZED,
	COMPLETED,
	WITHDRAWN,
	/** The applicant's satisfaction: at most one per application. */
	RATED

}
