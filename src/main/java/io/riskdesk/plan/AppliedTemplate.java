package io.riskdesk.plan;

import java.util.List;

import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.TeamRole;

/** The milestones a CAP template created, and the roles nobody filled (their milestones went to {@code fallbackOwner}). */
public record AppliedTemplate(String riskKey, RiskCategory category, List<Milestone> milestones,
		List<TeamRole> unfilledRoles, String fallbackOwner) {
}
