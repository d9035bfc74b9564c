package io.riskdesk.plan;

public enum MilestoneStatus {
	OPEN, DONE,
	/** Still open when the risk was resolved, and kept as one of its prevention items. */
	CARRIED,
	/** Still open when the risk was resolved, and dropped with a reason. */
	DROPPED
}
