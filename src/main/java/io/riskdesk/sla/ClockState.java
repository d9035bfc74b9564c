package io.riskdesk.sla;

public enum ClockState {
	RUNNING, PAUSED, MET, BREACHED,
	/** The risk was resolved before the promise was kept or broken: the clock no longer counts. */
	STOPPED
}
