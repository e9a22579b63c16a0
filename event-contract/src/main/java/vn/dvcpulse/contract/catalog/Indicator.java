package vn.dvcpulse.contract.catalog;

/** The indicators that have targets (metrics-definitions.md §3). */
public enum Indicator {

	/** Procedures offering online service (partial or full) ÷ procedures under the unit's authority. */
	PROCEDURES_ONLINE,
	/** Applications received online ÷ all received. */
	ONLINE_SUBMISSION,
	/** Applications digitised ÷ applications. */
	DIGITISATION,
	/** Applications reusing digitised data ÷ applications. */
	DATA_REUSE,
	/** Procedures with financial obligations payable on the national portal ÷ such procedures. */
	PAYABLE_ONLINE_PROCEDURES,
	/** Satisfaction with the handling of procedures. */
	SATISFACTION,
	/** Distinct adults using online services ÷ adult population. */
	ADULTS_USING_ONLINE

}
