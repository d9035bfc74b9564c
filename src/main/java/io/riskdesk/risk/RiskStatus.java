package io.riskdesk.risk;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Where a risk stands in the triage workflow; {@link RiskWorkflow} says which moves are allowed. */
public enum RiskStatus {
	OPEN, TRIAGED, ACTIVE, RESOLVED, CLOSED;

	/** A risk in one of these is still being worked on: not yet resolved or closed. */
	public static final Set<RiskStatus> UNRESOLVED = Collections.unmodifiableSet(EnumSet.of(OPEN, TRIAGED, ACTIVE));

}
