package vn.dvcpulse.catalog.store;

/** Kafka did not store a change: {@code 503}; nothing was changed. */
public class CatalogUnavailableException extends RuntimeException {

	CatalogUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
