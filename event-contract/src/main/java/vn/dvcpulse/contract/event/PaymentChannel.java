package vn.dvcpulse.contract.event;

public enum PaymentChannel {

	NATIONAL_PORTAL, LOCAL_GATEWAY, OFFLINE

}
