package vn.dvcpulse.catalog.store;

/** A create for a code the catalog already has: {@code 409}; update it instead. */
public class AlreadyInCatalogException extends RuntimeException {

	AlreadyInCatalogException(String kind, String code) {
		super("The catalog already has " + kind + " '" + code + "'; update it instead");
	}

}
