package io.riskdesk.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.riskdesk.account.Money;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;

/**
 * One row of the register list. {@code approvedConcessions}: the account's concessions approved (and
 * not rejected or declined since), one total per currency, from the concession module's view.
 * {@code progressDueAt}: when the next progress update is due
 * (null when none is owed); {@code staleSince}: that instant once it has passed, else null;
 * {@code overdueMilestones}: its milestones and prevention items overdue.
 */
public record RiskSummary(
		String key,
		int version,
		RiskDetails.AccountRef account,
		String title,
		RiskCategory category,
		Severity severity,
		RiskStatus status,
		RiskSource source,
		RiskDetails.PersonRef owner,
		Money arrAtRisk,
		LocalDate renewalDate,
		Long daysToRenewal,
		Instant detectedAt,
		int openBlockers,
		Instant nextDueAt,
		SlaStatus slaStatus,
		List<Money> approvedConcessions,
		Instant progressDueAt,
		Instant staleSince,
		int overdueMilestones) {
}
