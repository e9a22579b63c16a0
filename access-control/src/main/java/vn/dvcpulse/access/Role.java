package vn.dvcpulse.access;

/** The roles a token may carry, in its roles claim ({@link AccessToken}). */
public enum Role {

	/** A local government system: posts events of the one locality its token names, reads that locality's. */
	SUBMITTER,
	/** An operations team: reads figures, the catalog, and applications and rejections everywhere. */
	OPERATOR,
	/** The National Committee: reads figures and the catalog. */
	COMMITTEE,
	/** The catalog steward: the only one who changes the catalog. */
	CATALOG_ADMIN;

	/** The Spring Security authority of this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
