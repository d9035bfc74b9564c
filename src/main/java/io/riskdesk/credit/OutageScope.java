package io.riskdesk.credit;

/** Whom an outage hit: every user (weight 1), or part of them (a weight in (0, 1], the share hit). */
public enum OutageScope {
	ALL_USERS, PARTIAL
}
