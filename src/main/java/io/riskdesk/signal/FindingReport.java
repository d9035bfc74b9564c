package io.riskdesk.signal;

import java.util.List;

import io.riskdesk.playbook.Severity;

/**
 * An account's signals: its active findings, the severity they suggest (the highest; null
 * without findings), the playbook version in force, and the findings cleared recently.
 */
public record FindingReport(long accountId, Severity suggestedSeverity, String playbookVersion,
		List<FindingEntry> active, List<FindingEntry> recentlyCleared) {
}
