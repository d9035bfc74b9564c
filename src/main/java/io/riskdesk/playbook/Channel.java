package io.riskdesk.playbook;

/** How stakeholders are notified. */
public enum Channel {
	EMAIL, SLACK, LIVE_CALL, INTERNAL_NOTES
}
