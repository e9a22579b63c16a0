package vn.dvcpulse.tracker.web;

class TooManyItemsException extends RuntimeException {

	TooManyItemsException(int items, int limit) {
		super("A batch carries at most " + limit + " events, not " + items + "; send more as an import");
	}

}
