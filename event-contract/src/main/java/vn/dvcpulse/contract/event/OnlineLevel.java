package vn.dvcpulse.contract.event;

/** The level of an online service per Decree 42/2022: full-process (toàn trình) or partial (một phần). */
public enum OnlineLevel {

	FULL, PARTIAL

}
