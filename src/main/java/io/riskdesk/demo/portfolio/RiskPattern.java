package io.riskdesk.demo.portfolio;

import io.riskdesk.playbook.RiskCategory;

/** The risk injected into an account, with the category a detector should give its first finding. */
public enum RiskPattern {

	/** No injected risk: a healthy account, with ordinary noise. */
	NONE(null),

	/** WAU falls 40-70% over 4-8 weeks. */
	GRADUAL_USAGE_DECLINE(RiskCategory.ADOPTION),

	/** WAU falls 50-80% within a few days. */
	ADOPTION_COLLAPSE(RiskCategory.ADOPTION),

	/** The account is onboarding and its first-value due date passes without first value. */
	FIRST_VALUE_SLIPPING(RiskCategory.ADOPTION),

	/** SPONSOR_LEFT (sometimes after a REORG), usage declining weeks later. */
	SPONSOR_DEPARTURE(RiskCategory.PEOPLE),

	/** Two or more SEV1 tickets within days, one unresolved for weeks, repeated workarounds. */
	SUPPORT_STORM(RiskCategory.SUPPORT),

	/** Invoices stop being paid from one due date on, sometimes with a budget freeze or procurement delay. */
	UNPAID_INVOICES(RiskCategory.COMMERCIAL),

	/** A wave of NPS detractors, then HEALTH_YELLOW and HEALTH_RED. */
	NPS_COLLAPSE(RiskCategory.SENTIMENT),

	/** An outage for all users, a partial outage or a security incident, with its SEV1 ticket. */
	SERVICE_INCIDENT(RiskCategory.INCIDENT),

	/** MISSING_CAPABILITY, then ROADMAP_DEPENDENCY, then NEGATIVE_EXEC_FEEDBACK. */
	MISSING_CAPABILITY(RiskCategory.PRODUCT_FIT);

	private final RiskCategory category;

	RiskPattern(RiskCategory category) {
		this.category = category;
	}

	/** The category of the injected risk; null for {@link #NONE}. */
	public RiskCategory category() {
		return category;
	}

}
