package io.riskdesk.risk;

/** How a risk entered the register. */
public enum RiskSource {
	/** Opened by a signal detector. */
	SIGNAL,
	/** Logged by a person. */
	MANUAL,
	/** Created from an imported document or file. */
	IMPORT
}
