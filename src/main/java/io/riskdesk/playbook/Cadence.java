package io.riskdesk.playbook;

/** How often the team meets or reports on a risk until it closes. */
public enum Cadence {
	DAILY, THREE_TIMES_WEEKLY, TWICE_WEEKLY, WEEKLY, BIWEEKLY
}
