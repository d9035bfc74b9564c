package io.riskdesk.risk;

/** How the account came out of a closed risk. */
public enum Outcome {
	RETAINED, CHURNED, DOWNGRADED, EXPANDED
}
