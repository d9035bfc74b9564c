package io.riskdesk.risk;

/** Where a risk stands against its SLA clocks, as the register shows it. */
public enum SlaStatus {
	/** No clock breached or past its warning point. */
	ON_TRACK,
	/** A running clock passed its warning point. */
	AT_RISK,
	/** A clock breached. */
	BREACHED
}
