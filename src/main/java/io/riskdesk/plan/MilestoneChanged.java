package io.riskdesk.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;

/**
 * Published in the transaction that changes a milestone's title, owner, due date or success
 * criterion, with what each was before; the SLA clocks start its clock when it gets its first
 * date, or move it to the new due date (a date moved after it went overdue is a new promise).
 */
public record MilestoneChanged(String riskKey, long milestoneId, String title, String owner, LocalDate due,
		String successCriterion, String previousTitle, String previousOwner, LocalDate previousDue,
		String previousSuccessCriterion, String actor, Instant at) implements TimelineFact {

	public TimelineKind kind() {
		return TimelineKind.MILESTONE;
	}

	/** "Milestone changed: Ship the hotfix (due 2026-12-04 -> 2026-12-11; owner Priya -> Lisa Wong)". */
	public String summary() {
		List<String> changes = new ArrayList<>();
		if (!Objects.equals(due, previousDue)) {
			changes.add(Milestones.dueText(previousDue) + " -> " + (due == null ? "no date yet" : due));
		}
		if (!owner.equals(previousOwner)) {
			changes.add("owner " + previousOwner + " -> " + owner);
		}
		if (!title.equals(previousTitle)) {
			changes.add("title was " + previousTitle);
		}
		if (!Objects.equals(successCriterion, previousSuccessCriterion)) {
			changes.add(successCriterion == null ? "success criterion removed" : "done when: " + successCriterion);
		}
		return "Milestone changed: " + title + " (" + String.join("; ", changes) + ")";
	}

	public String before() {
		return previousOwner + ": " + previousTitle + " (" + Milestones.dueText(previousDue) + ")";
	}

	public String after() {
		return owner + ": " + title + " (" + Milestones.dueText(due) + ")";
	}

	public Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("milestone", milestoneId);
		details.put("event", "CHANGED");
		if (due != null) {
			details.put("due", due.toString());
		}
		return details;
	}

}
