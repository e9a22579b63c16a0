package vn.dvcpulse.contract.event;

public enum Outcome {

	APPROVED, REFUSED

}
