package vn.dvcpulse.contract;

/**
 * The Kafka key of everything that belongs to one application: application ids are unique only within the
 * posting locality, so the key is both, and all of one application's records land on one partition, in order.
 */
public final class ApplicationKey {

	private ApplicationKey() {
	}

	public static String of(String localityCode, String applicationId) {
		return localityCode + "/" + applicationId;
	}

}
