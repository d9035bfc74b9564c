package io.riskdesk.signal;

import io.riskdesk.playbook.SignalEventType;

/**
 * A playbook signal as documents state it ("our sponsor left", "usage is down 45%"), and the
 * account event a confirmed document records for it ({@link ReportedEvents}). {@code unit} names
 * the figure the signal carries, null when it carries none; {@link #SATISFACTION} (a CSAT or other
 * score) has no playbook rule, so it is shown to the reviewer but never recorded.
 */
public enum TextSignal {

	SPONSOR_LEFT(SignalEventType.SPONSOR_LEFT, null, 0, 0), POC_LEFT(SignalEventType.POC_LEFT, null, 0, 0),
	REORG(SignalEventType.REORG, null, 0, 0), USAGE_DROP(SignalEventType.USAGE_DROP_REPORTED, "%", 1, 100),
	SEV1_TICKETS(SignalEventType.SEV1_TICKETS_REPORTED, "tickets", 1, 10_000),
	SEV1_UNRESOLVED(SignalEventType.SEV1_UNRESOLVED_REPORTED, "tickets", 1, 10_000),
	OUTAGE_ALL_USERS(SignalEventType.OUTAGE_ALL_USERS, null, 0, 0),
	SECURITY_INCIDENT(SignalEventType.SECURITY_INCIDENT, null, 0, 0),
	INVOICE_OVERDUE(SignalEventType.INVOICE_OVERDUE_REPORTED, null, 0, 0),
	BUDGET_FREEZE(SignalEventType.BUDGET_FREEZE, null, 0, 0),
	PROCUREMENT_DELAY(SignalEventType.PROCUREMENT_DELAY, null, 0, 0),
	MISSING_CAPABILITY(SignalEventType.MISSING_CAPABILITY, null, 0, 0), NPS(SignalEventType.NPS_DETRACTOR_REPORTED, "NPS", 0, 10),
	SATISFACTION(null, "%", 0, 100), NEGATIVE_EXEC_FEEDBACK(SignalEventType.NEGATIVE_EXEC_FEEDBACK, null, 0, 0);

	private final SignalEventType event;

	private final String unit;

	private final int min;

	private final int max;

	TextSignal(SignalEventType event, String unit, int min, int max) {
		this.event = event;
		this.unit = unit;
		this.min = min;
		this.max = max;
	}

	/**
	 * The event type a confirmed document records, null for a signal without a playbook rule; a
	 * usage drop over the collapse threshold is recorded as a collapse ({@link ReportedSignals#event}).
	 */
	public SignalEventType event() {
		return event;
	}

	/** What the figure counts ("%", "tickets", "NPS"), null when the signal carries none. */
	public String unit() {
		return unit;
	}

	public boolean valued() {
		return unit != null;
	}

	int min() {
		return min;
	}

	int max() {
		return max;
	}

}
