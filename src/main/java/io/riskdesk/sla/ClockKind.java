package io.riskdesk.sla;

/** The promises of the playbook that a risk's clocks count. */
public enum ClockKind {
	/** Triage (all five steps) done within the triage window of detection. */
	TRIAGE,
	/** First response to the customer within the severity's target. */
	FIRST_RESPONSE,
	/** Stakeholders notified within the escalation matrix's SLA. */
	NOTIFICATION,
	/** A milestone of the corrective action plan done by the end of the working day it is due. */
	MILESTONE
}
