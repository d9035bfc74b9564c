package io.riskdesk.playbook;

/**
 * What an account event in the telemetry reports happened (the {@code type} of kind
 * {@code events}): the events the playbook names as signals, and the counter-events that clear
 * them. One list for the intake that accepts them and the detection section that names them.
 * The {@code _REPORTED} types are what a confirmed document said (usage down 45%, two Sev-1
 * tickets): the telemetry behind them is not in Riskdesk, so they count as events, not as figures.
 */
public enum SignalEventType {
	SPONSOR_LEFT, POC_LEFT, REORG, COMPETING_PRIORITIES, CHANGE_FREEZE, BUDGET_FREEZE, PROCUREMENT_DELAY,
	MISSING_CAPABILITY, ROADMAP_DEPENDENCY, NEGATIVE_EXEC_FEEDBACK, OUTAGE_ALL_USERS, OUTAGE_PARTIAL,
	SECURITY_INCIDENT, HEALTH_GREEN, HEALTH_YELLOW, HEALTH_RED, FIRST_VALUE_REACHED, USAGE_DROP_REPORTED,
	ADOPTION_COLLAPSE_REPORTED, SEV1_TICKETS_REPORTED, SEV1_UNRESOLVED_REPORTED, INVOICE_OVERDUE_REPORTED, NPS_DETRACTOR_REPORTED
}
