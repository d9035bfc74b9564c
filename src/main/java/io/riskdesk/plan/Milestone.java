package io.riskdesk.plan;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One milestone of a risk: who does what by when, and what proves it done. {@code version} grows
 * with every change; an edit sends the one it read (If-Match) and is refused when it is older.
 *
 * @param position its place in the risk's list, from 1
 * @param owner the owner's name as shown: the directory person's name, or free text (a customer-side owner)
 * @param ownerId the directory person who owns it, null when the owner is free text
 * @param due null while it has no date yet (and so no SLA clock)
 * @param statusReason why it was dropped
 * @param doneAt when it was done or dropped, by {@code doneBy}
 * @param overdueAt when it went overdue for its current due date (its SLA clock breached), else null
 */
public record Milestone(long id, String riskKey, MilestoneKind kind, int position, String title,
		String successCriterion, String owner, Long ownerId, LocalDate due, MilestoneStatus status, String statusReason,
		Instant createdAt, String createdBy, Instant doneAt, String doneBy, Instant overdueAt, int version) {

	/** Overdue and still to do. */
	@JsonProperty("overdue")
	public boolean isOverdue() {
		return overdueAt != null && status.open();
	}

}
