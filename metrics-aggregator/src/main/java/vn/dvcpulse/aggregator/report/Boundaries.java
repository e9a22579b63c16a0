package vn.dvcpulse.aggregator.report;

/** Which locality units figures are given in. */
public enum Boundaries {

	/** History restated onto today's units, so a trend crosses the 2025 merger without a break. */
	CURRENT,
	/** The units of the time. */
	AS_RECORDED

}
