package vn.dvcpulse.catalog.store;

/** A well-formed edit that would make the catalog contradict itself: {@code 422}. */
public class CatalogConflictException extends RuntimeException {

	public CatalogConflictException(String message) {
		super(message);
	}

}
