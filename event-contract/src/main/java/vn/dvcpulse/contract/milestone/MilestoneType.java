package vn.dvcpulse.contract.milestone;

/** Facts the tracker derives from an application's events, each emitted at most once per application. */
public enum MilestoneType {

	/** Received (tiếp nhận): the first SUBMITTED. */
	RECEIVED,
	/** The fee was paid, online or not. */
	PAID,
	/** Components were digitised. */
	DIGITIZED,
	/** A result was issued, on time or late. */
	COMPLETED,
	/** The applicant withdrew it. */
	WITHDRAWN,
	/** The applicant rated the service. */
	RATED

}
