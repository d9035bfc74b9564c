package io.riskdesk.risk;

import io.riskdesk.playbook.Severity;

/**
 * A risk still being worked on, as a person recognises it: what a new report of the same
 * account and category may repeat. {@code owner} is the owner's name, or null.
 */
public record UnresolvedRisk(String key, String title, Severity severity, RiskStatus status, String owner) {
}
