package io.riskdesk.risk;

/** The five triage steps of the playbook, each recorded with its time; all five make a risk ACTIVE. */
public enum TriageStep {
	LOG_RISK, ASSIGN_SEVERITY_AND_OWNERS, CREATE_CAP, NOTIFY_STAKEHOLDERS, SET_CADENCE
}
