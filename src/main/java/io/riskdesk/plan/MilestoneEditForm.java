package io.riskdesk.plan;

import java.time.LocalDate;

/**
 * A milestone's edit form in the plan panel as the page posts it. The form sends every field, so
 * it is checked as a whole milestone, by the rules of adding one ({@link NewMilestone}).
 */
record MilestoneEditForm(Integer version, String title, String owner, LocalDate due, String successCriterion) {

	static MilestoneEditForm of(Milestone milestone) {
		return new MilestoneEditForm(milestone.version(), milestone.title(), milestone.owner(), milestone.due(),
				milestone.successCriterion());
	}

	NewMilestone toMilestone() {
		return new NewMilestone(title, owner, null, due, successCriterion);
	}

	/** An empty success criterion removes it; the owner is matched against the directory again. */
	MilestoneUpdate toUpdate() {
		return new MilestoneUpdate(title, owner, null, due, successCriterion == null ? "" : successCriterion);
	}

	/** This form with another version: what the user typed, based on the milestone as it now is. */
	MilestoneEditForm rebased(int current) {
		return new MilestoneEditForm(current, title, owner, due, successCriterion);
	}

}
