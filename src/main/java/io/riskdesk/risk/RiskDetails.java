package io.riskdesk.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.riskdesk.account.Money;
import io.riskdesk.playbook.Cadence;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;

/**
 * A risk as the API shows it. ARR at risk, renewal date and days to renewal come from the
 * account at read time; they are not stored with the risk. {@code triagedAt}: severity and
 * owner set (OPEN -> TRIAGED); {@code triageCompletedAt}: the last of the five triage steps;
 * {@code securityLegalApplicable}: the escalation matrix's "if applicable" roles are told although it is no INCIDENT.
 */
public record RiskDetails(
		String key,
		int version,
		AccountRef account,
		String title,
		RiskCategory category,
		String description,
		Severity severity,
		RiskStatus status,
		RiskSource source,
		Cadence cadence,
		boolean securityLegalApplicable,
		PersonRef owner,
		List<PersonRef> coOwners,
		Money arrAtRisk,
		LocalDate renewalDate,
		Long daysToRenewal,
		Instant detectedAt,
		Instant loggedAt,
		Instant triagedAt,
		Instant triageCompletedAt,
		Instant firstResponseAt,
		Instant resolvedAt,
		Instant closedAt,
		List<String> evidence,
		List<TriageStepView> triageSteps,
		Set<TriageStep> missingTriageSteps,
		List<DecisionView> decisions,
		List<BlockerView> blockers,
		String rootCause,
		List<RiskEvents.Prevention> preventionItems,
		Outcome outcome,
		String closingSummary,
		String duplicateOf,
		List<String> duplicates,
		Set<RiskStatus> allowedTransitions) {

	public record AccountRef(Long id, String name) {
	}

	public record PersonRef(Long id, String name, String email) {
	}

	public record TriageStepView(TriageStep step, Instant doneAt, String doneBy, String note) {
	}

	public record DecisionView(int number, String text, Instant decidedAt, String decidedBy) {
	}

	public record BlockerView(int number, String description, boolean open, Instant raisedAt, String raisedBy,
			Instant clearedAt, String clearedBy, String resolution) {
	}

}
