package io.riskdesk.risk;

import java.time.Instant;
import java.time.LocalDate;

import io.riskdesk.account.Money;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;

/** One row of the register list; {@code overdueMilestones}: its milestones and prevention items overdue. */
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
		int overdueMilestones) {
}
