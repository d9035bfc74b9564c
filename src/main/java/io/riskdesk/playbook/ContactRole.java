package io.riskdesk.playbook;

/** Roles of the people on the customer's side. */
public enum ContactRole {
	SPONSOR, POC, EXEC
}
