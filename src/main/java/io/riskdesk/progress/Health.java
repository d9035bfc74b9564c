package io.riskdesk.progress;

/** How the work on a risk stands, in the words of the one who reports it. */
public enum Health {
	ON_TRACK, AT_RISK, OFF_TRACK
}
