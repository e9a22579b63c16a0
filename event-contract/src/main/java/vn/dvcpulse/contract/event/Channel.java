package vn.dvcpulse.contract.event;

/** How an application was received. */
public enum Channel {

	ONLINE, IN_PERSON, POSTAL;

	public boolean isOnline() {
		return this == ONLINE;
	}

}
