package io.riskdesk.plan;

/** Why a milestone is tracked. */
public enum MilestoneKind {
	/** Work of the corrective action plan, while the risk is worked. */
	PLAN,
	/** Work that keeps the problem from coming back: tracked after the risk is resolved, its clock still counting. */
	PREVENTION
}
