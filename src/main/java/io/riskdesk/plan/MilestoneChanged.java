package io.riskdesk.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;

/**
 * Published in the transaction that changes a milestone's title, owner or due date, with what
 * each was before; the SLA clocks move a counting milestone clock to the new due date.
 */
public record MilestoneChanged(String riskKey, long milestoneId, String title, String owner, LocalDate due,
		String previousTitle, String previousOwner, LocalDate previousDue, String actor, Instant at)
		implements TimelineFact {

	public TimelineKind kind() {
		return TimelineKind.MILESTONE;
	}

	/** "Milestone changed: Ship the hotfix (due 2026-12-04 -> 2026-12-11; owner Priya -> Lisa Wong)". */
	public String summary() {
		List<String> changes = new ArrayList<>();
		if (!due.equals(previousDue)) {
			changes.add("due " + previousDue + " -> " + due);
		}
		if (!owner.equals(previousOwner)) {
			changes.add("owner " + previousOwner + " -> " + owner);
		}
		if (!title.equals(previousTitle)) {
			changes.add("title was " + previousTitle);
		}
		return "Milestone changed: " + title + " (" + String.join("; ", changes) + ")";
	}

	public String before() {
		return previousOwner + ": " + previousTitle + " (due " + previousDue + ")";
	}

	public String after() {
		return owner + ": " + title + " (due " + due + ")";
	}

	public Map<String, Object> details() {
		return Map.of("milestone", milestoneId, "event", "CHANGED", "due", due.toString());
	}

}
