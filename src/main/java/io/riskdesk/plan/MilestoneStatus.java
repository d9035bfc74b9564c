package io.riskdesk.plan;

public enum MilestoneStatus {
	OPEN, DONE
}
