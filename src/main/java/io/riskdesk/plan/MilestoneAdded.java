package io.riskdesk.plan;

import java.time.LocalDate;

/** Published in the transaction that adds a milestone; the SLA clocks start its clock. */
public record MilestoneAdded(String riskKey, long milestoneId, String title, LocalDate due) {
}
