package io.riskdesk.signal;

import java.time.LocalDate;
import java.util.List;

/**
 * What one detection pass did: to the finding log (counts) and to the register (risk keys).
 *
 * @param accounts the accounts looked at; null for every account
 * @param opened risks opened for new findings (source SIGNAL)
 * @param attached unresolved risks a new finding's evidence was attached to
 * @param escalated risks raised to a finding's higher severity
 * @param noted risks whose timeline now says that a finding cleared
 */
public record DetectionRun(LocalDate asOf, String playbookVersion, List<Long> accounts, int added, int escalatedFindings,
		int cleared, int refreshed, List<String> opened, List<String> attached, List<String> escalated,
		List<String> noted) {

	public DetectionRun {
		accounts = accounts == null ? null : List.copyOf(accounts);
		opened = List.copyOf(opened);
		attached = List.copyOf(attached);
		escalated = List.copyOf(escalated);
		noted = List.copyOf(noted);
	}

}
