package io.riskdesk.risk;

/** What a timeline entry records. */
public enum TimelineKind {
	LOGGED, UPDATED, TRANSITIONED, SEVERITY_CHANGED, TRIAGE_STEP, DECISION, BLOCKER_RAISED, BLOCKER_CLEARED,
	ACTION_ITEM
}
