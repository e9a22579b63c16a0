package vn.dvcpulse.contract.rejection;

/** Why an accepted event was not counted, judged against its application's history. */
public enum RejectionReason {

	/** The eventId was used before, for different content. */
	EVENT_ID_REUSED("this eventId was already used for a different event"),
	/** The application was already received, by a different SUBMITTED. */
	SECOND_SUBMISSION("the application was already received by an earlier SUBMITTED"),
	/** The application was already rated. */
	SECOND_RATING("the application was already rated"),
	/** The application was withdrawn: nothing more happens to it. */
	AFTER_WITHDRAWAL("the application was withdrawn before this event"),
	/** The application was already completed. */
	AFTER_COMPLETION("the application was already completed"),
	/** The milestone this event marks was already reached by another event. */
	MILESTONE_ALREADY_REACHED("this step of the application was already reported by another event"),
	/** The application holds as many events, or as many bytes, as one application may: this one was not kept. */
	HISTORY_FULL("the application already holds as many events as one application may; this one was not kept");

	private final String description;

	RejectionReason(String description) {
		this.description = description;
	}

	public String description() {
		return this.description;
	}

}
