package io.riskdesk.plan;

import io.riskdesk.playbook.Severity;
import io.riskdesk.risk.RiskStatus;

/** A milestone or prevention item someone owns, with the risk it belongs to. */
public record MyAction(Milestone milestone, String riskTitle, Severity riskSeverity, RiskStatus riskStatus) {
}
