package vn.dvcpulse.tracker.domain;

/** What became of an event in its application's life. */
public enum Disposition {

	/** It established a milestone. */
	COUNTED,
	/** It waits for its application's SUBMITTED. */
	HELD,
	/** It conflicted with the application's history; see the rejection feed. */
	REJECTED

}
