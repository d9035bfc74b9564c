package io.riskdesk.playbook;

/** The playbook's severity levels, most severe first. */
public enum Severity {
	S0, S1, S2, S3
}
