package vn.dvcpulse.contract.catalog;

import java.time.Instant;

/**
 * Which version of a catalog entry this is, and of the catalog as a whole. Every change to any entry raises the
 * catalog version by one, so a figure that names its catalog version can be recomputed against the same catalog.
 *
 * @param number         the entry's own revision, from 1; its HTTP {@code ETag}
 * @param catalogVersion the catalog version this change created
 * @param changedBy      who made the change
 * @param changedAt      when
 */
public record Revision(long number, long catalogVersion, String changedBy, Instant changedAt) {

	/** Who the bundled reference data is recorded as. */
	public static final String REFERENCE_DATA = "reference-data";

	/** The first revision of an entry seeded from the bundled reference data: catalog version 1. */
	public static Revision seeded(Instant at) {
		return new Revision(1, 1, REFERENCE_DATA, at);
	}

	/** The revision that follows this one, made by {@code who} as catalog version {@code catalogVersion}. */
	public Revision next(long catalogVersion, String who, Instant at) {
		return new Revision(this.number + 1, catalogVersion, who, at);
	}

}
