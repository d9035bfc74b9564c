package io.riskdesk.playbook;

/** Where a risk comes from: the playbook's leading-indicator groups plus incidents. */
public enum RiskCategory {
	ADOPTION, PEOPLE, COMMERCIAL, SUPPORT, PRODUCT_FIT, SENTIMENT, INCIDENT
}
