package io.riskdesk.playbook;

/** What in a risk's life sends notifications; playbook.yml says to whom and how for each. */
public enum NotificationTrigger {
	/** The risk was triaged: the initial escalation. */
	TRIAGED,
	/** The severity changed after triage, up or down. */
	SEVERITY_CHANGED,
	/** One of the risk's SLA clocks (triage, first response, notification) is close to its target. */
	SLA_WARNING,
	/** One of the risk's SLA clocks passed its target unmet. */
	SLA_BREACH,
	/** A milestone of the corrective action plan passed its due date open. */
	MILESTONE_OVERDUE,
	/** No progress update within the severity's update frequency. */
	PROGRESS_STALE,
	RESOLVED,
	CLOSED,
	/** The cadence or the progress updates say the customer is owed an update: a reminder to the owner. */
	CUSTOMER_UPDATE_DUE,
	/** The weekly digest: configured in its own section, not as a trigger. */
	WEEKLY_DIGEST,
	/** An update to the customer written and sent by hand from the risk page: not configured as a trigger. */
	CUSTOMER_UPDATE,
	/** The portfolio PDF e-mailed weekly to the executives of {@code riskdesk.reports.executive-digest}: not a trigger. */
	EXECUTIVE_DIGEST;

	/** Whether playbook.yml configures it under {@code triggers}. */
	public boolean configurable() {
		return this != WEEKLY_DIGEST && this != CUSTOMER_UPDATE && this != EXECUTIVE_DIGEST;
	}
}
