package vn.dvcpulse.aggregator.stream;

/** The state stores are not queryable yet (start-up, rebalance, restore); the client asks again shortly. */
public class FiguresNotReadyException extends RuntimeException {

	FiguresNotReadyException(Throwable cause) {
		super("The figures are being restored; ask again shortly", cause);
	}

}
