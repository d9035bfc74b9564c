package io.riskdesk.plan;

import java.time.LocalDate;

import io.riskdesk.playbook.TeamRole;

/**
 * A milestone a CAP template would create: its step's title and success criterion, the person
 * who fills the step's role in the account team (or, when nobody does, the risk's owner:
 * {@code ownerFromTeam} false) and the due date its offset gives.
 */
public record PlannedMilestone(String title, String successCriterion, TeamRole ownerRole, String owner,
		boolean ownerFromTeam, LocalDate due, String offset) {

	NewMilestone toNewMilestone() {
		return new NewMilestone(title, owner, due);
	}

}
