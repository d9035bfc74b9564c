package io.riskdesk.sla;

public enum ClockState {
	RUNNING, PAUSED, MET, BREACHED
}
