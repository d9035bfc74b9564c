package io.riskdesk.concession;

/** What is conceded to the customer; each has a value in money, whatever its nature. */
public enum ConcessionKind {
	SERVICE_CREDIT, PENALTY_WAIVER, DEDICATED_TAM, PRIORITY_FEATURES, CUSTOM_DEVELOPMENT, EXECUTIVE_SPONSOR, OTHER
}
