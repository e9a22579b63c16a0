package vn.dvcpulse.catalog.web;

class NotInCatalogException extends RuntimeException {

	NotInCatalogException(String kind, String code) {
		super("No " + kind + " with code '" + code + "' is in the catalog");
	}

}
