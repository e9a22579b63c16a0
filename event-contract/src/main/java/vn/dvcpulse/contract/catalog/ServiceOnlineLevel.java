package vn.dvcpulse.contract.catalog;

/** How far a service is offered online (Decree 42/2022): not at all, partially (một phần) or full-process (toàn trình). */
public enum ServiceOnlineLevel {

	NONE, PARTIAL, FULL

}
