package io.riskdesk.playbook;

/** Roles in an account's internal team; the escalation matrix names them. */
public enum TeamRole {
	CSM, AE, CS_MANAGER, CS_LEADER, SUPPORT_LEAD, ENG_LEAD, PS_LEAD, SECURITY, LEGAL, EXEC
}
