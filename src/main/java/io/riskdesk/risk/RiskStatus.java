package io.riskdesk.risk;

/** Where a risk stands in the triage workflow; {@link RiskWorkflow} says which moves are allowed. */
public enum RiskStatus {
	OPEN, TRIAGED, ACTIVE, RESOLVED, CLOSED
}
