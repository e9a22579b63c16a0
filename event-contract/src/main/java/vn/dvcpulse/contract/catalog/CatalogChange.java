package vn.dvcpulse.contract.catalog;

import tools.jackson.databind.JsonNode;

/**
 * One change to the catalog, as kept for ever in the change log: the compacted topics keep only each entry's
 * latest version, this keeps them all.
 *
 * @param entity   which kind of entry
 * @param key      the entry's key in its topic
 * @param revision the revision the change created
 * @param value    the entry as it became
 */
public record CatalogChange(CatalogEntity entity, String key, Revision revision, JsonNode value) {

	public enum CatalogEntity {

		SERVICE, LOCALITY, TARGET

	}

}
