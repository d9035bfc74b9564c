package io.riskdesk.timeline;

/** What a timeline entry records. */
public enum TimelineKind {
	LOGGED, UPDATED, TRANSITIONED, SEVERITY_CHANGED, TRIAGE_STEP, DECISION, BLOCKER_RAISED, BLOCKER_CLEARED,
	ACTION_ITEM, FIRST_RESPONSE,
	/** The stakeholders of the escalation matrix were notified (again, after an escalation). */
	STAKEHOLDERS_NOTIFIED,
	/** Another risk was closed as a duplicate of this one. */
	DUPLICATE_LINKED,
	/** The same problem was reported again and attached to this risk instead of logged as another. */
	REPORT_ATTACHED,
	/** A milestone of the corrective action plan added or done. */
	MILESTONE,
	/** Written by the intake: the document the risk was imported from, and the meetings it announced. */
	IMPORTED, MEETING,
	/** Written by the SLA clocks: a warning, a breach, a pause or a re-target. */
	SLA,
	/** Written by signal detection: a finding cleared on the risk it went to. */
	SIGNAL,
	/** A concession proposed, approved or rejected, offered, accepted or declined. */
	CONCESSION,
	/** Written by the progress module: a progress update, or a risk gone stale without one. */
	PROGRESS,
	/** Written by notifications: a note for the team, a delivery that failed for good, a resend, an update sent to the customer. */
	NOTIFICATION
}
