package vn.dvcpulse.tracker.ingest;

import org.springframework.stereotype.Component;

import vn.dvcpulse.access.Caller;
import vn.dvcpulse.access.Role;
import vn.dvcpulse.contract.catalog.CatalogFeed;

/**
 * Which localities a caller may act for. A submitter posts and reads for the locality its token names and for the
 * units merged into it (the catalog's lineage: Tuyên Quang's system backfills Hà Giang's applications under 02); an
 * operator reads every locality and posts for none.
 */
@Component
public class LocalityScope {

	private final CatalogFeed catalog;

	LocalityScope(CatalogFeed catalog) {
		this.catalog = catalog;
	}

	public boolean maySubmitFor(Caller caller, String localityCode) {
		return caller.is(Role.SUBMITTER) && caller.locality() != null && (caller.locality().equals(localityCode)
				|| this.catalog.get().lineageOf(caller.locality()).contains(localityCode));
	}

	public boolean mayReadApplicationsOf(Caller caller, String localityCode) {
		return caller.is(Role.OPERATOR) || maySubmitFor(caller, localityCode);
	}

	/**
	 * @throws LocalityNotAllowedException unless the caller may read the locality's applications and rejections
	 */
	public void checkRead(Caller caller, String localityCode) {
		if (!mayReadApplicationsOf(caller, localityCode)) {
			throw new LocalityNotAllowedException("This token may read applications and rejections of locality "
					+ caller.locality() + " and the units merged into it only, not of " + localityCode);
		}
	}

}
