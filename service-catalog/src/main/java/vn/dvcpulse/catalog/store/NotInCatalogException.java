package vn.dvcpulse.catalog.store;

/** No entry of that kind has that code: {@code 404}. */
public class NotInCatalogException extends RuntimeException {

	public NotInCatalogException(String kind, String code) {
		super("No " + kind + " '" + code + "' is in the catalog");
	}

}
