package io.riskdesk.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.riskdesk.account.Money;
import io.riskdesk.account.Segment;
import io.riskdesk.demo.portfolio.RiskPattern;
import io.riskdesk.playbook.ContactRole;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.playbook.TeamRole;
import io.riskdesk.risk.Outcome;
import io.riskdesk.risk.RiskSource;
import io.riskdesk.risk.RiskStatus;
import io.riskdesk.security.Role;

/**
 * The shape of the demo data files under {@code classpath:demo/}. Dates are the seed documents'
 * (the seed escalations, moved next to today by {@link DemoDates}) or relative to the day the
 * demo loads ({@code *-in-days}, {@code *-days-ago}).
 */
final class DemoData {

	private DemoData() {
	}

	record Directory(List<PersonEntry> people, List<UserEntry> users) {
	}

	record PersonEntry(String name, String email, String slack) {
	}

	record UserEntry(String username, String name, Role role, String person) {
	}

	record Portfolio(List<AccountEntry> accounts) {
	}

	/**
	 * @param externalId the account's CRM id, which its telemetry names it by
	 * @param telemetry the story the account's generated telemetry tells ({@code NONE}: healthy); none without it
	 */
	record AccountEntry(String name, Money arr, LocalDate renewalDate, Integer renewalInDays, Segment segment,
			String country, ZoneId timeZone, Map<TeamRole, String> team, List<ContactEntry> contacts,
			List<RiskEntry> risks, String externalId, RiskPattern telemetry) {
	}

	record ContactEntry(ContactRole role, String name, String email, String title) {
	}

	record RiskEntry(String title, RiskCategory category, Severity severity, RiskStatus status, RiskSource source,
			Instant detectedAt, Integer detectedDaysAgo, String owner, List<String> coOwners, String description,
			List<String> evidence, TriageEntry triage, List<String> decisions, List<BlockerEntry> blockers,
			List<ActionItemEntry> actionItems, String rootCause, List<PreventionEntry> preventionItems, Outcome outcome,
			String summary) {
	}

	record PreventionEntry(String text, String owner, Integer dueInDays) {
	}

	record TriageEntry(String cap, String notified) {
	}

	record BlockerEntry(String description, String resolution) {
	}

	record ActionItemEntry(String owner, String task, LocalDate due, Integer dueInDays) {
	}

}
