package io.riskdesk.signal;

import java.util.List;

import io.riskdesk.playbook.Severity;

/**
 * The findings that went to one risk: why it has its severity, or had it.
 *
 * @param suggestedSeverity the highest of the active findings; null when none is active any more
 * @param cleared the findings no longer found, most recently cleared first
 */
public record RiskFindings(String riskKey, Severity suggestedSeverity, String playbookVersion, List<FindingEntry> active,
		List<FindingEntry> cleared) {
}
