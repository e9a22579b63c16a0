package vn.dvcpulse.tracker.stream;

/** The state stores are not queryable yet (start-up, rebalance, restore); the client asks again shortly. */
public class StateNotReadyException extends RuntimeException {

	StateNotReadyException(Throwable cause) {
		super("The tracker's state is being restored; ask again shortly", cause);
	}

}
