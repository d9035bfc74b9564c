package io.riskdesk.plan;

import java.time.LocalDate;

/**
 * A milestone's edit form in the plan panel as the page posts it. The form sends every field, so
 * it is checked as a whole milestone, by the rules of adding one ({@link NewMilestone}).
 */
record MilestoneEditForm(Integer version, String title, String owner, LocalDate due) {

	static MilestoneEditForm of(Milestone milestone) {
		return new MilestoneEditForm(milestone.version(), milestone.title(), milestone.owner(), milestone.due());
	}

	NewMilestone toMilestone() {
		return new NewMilestone(title, owner, due);
	}

	MilestoneUpdate toUpdate() {
		return new MilestoneUpdate(title, owner, due);
	}

	/** This form with another version: what the user typed, based on the milestone as it now is. */
	MilestoneEditForm rebased(int current) {
		return new MilestoneEditForm(current, title, owner, due);
	}

}
