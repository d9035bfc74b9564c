package io.riskdesk.plan;

import java.time.Instant;
import java.util.List;

import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.TeamRole;

/**
 * What applying a category's CAP template to a risk creates, counted from {@code start}:
 * {@code unfilledRoles} are the steps' roles nobody fills in the account team, whose milestones
 * go to the risk's owner {@code fallbackOwner}.
 */
public record TemplatePlan(String riskKey, RiskCategory category, Instant start, List<PlannedMilestone> milestones,
		List<TeamRole> unfilledRoles, String fallbackOwner) {
}
