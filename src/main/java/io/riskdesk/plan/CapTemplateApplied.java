package io.riskdesk.plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.TeamRole;
import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;

/**
 * Published in the transaction that applies a CAP template, after its milestones' own facts: the
 * timeline says which template made them and whose roles fell back to the risk's owner.
 */
public record CapTemplateApplied(String riskKey, RiskCategory category, int milestones, List<TeamRole> unfilledRoles,
		String fallbackOwner, String actor, Instant at) implements TimelineFact {

	public TimelineKind kind() {
		return TimelineKind.MILESTONE;
	}

	public String summary() {
		String applied = "CAP template " + category + " applied: " + milestones + " milestone" + (milestones == 1 ? "" : "s");
		return unfilledRoles.isEmpty() ? applied
				: applied + "; " + unfilledRoles.stream().map(Enum::name).collect(Collectors.joining(", "))
						+ " unfilled in the account team, owned by " + fallbackOwner;
	}

	public Map<String, Object> details() {
		return Map.of("category", category.name(), "milestones", milestones, "unfilledRoles",
				unfilledRoles.stream().map(Enum::name).toList());
	}

}
