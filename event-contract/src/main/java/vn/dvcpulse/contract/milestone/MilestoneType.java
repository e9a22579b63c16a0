package vn.dvcpulse.contract.milestone;

/** Facts the tracker derives from an application's events, each emitted at most once per application. */
public enum MilestoneType {

	RECEIVED

}
