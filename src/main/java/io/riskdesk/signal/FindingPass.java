package io.riskdesk.signal;

import java.time.LocalDate;
import java.util.List;

import io.riskdesk.playbook.Severity;

/**
 * What one pass changed in the log, for the register to act on.
 *
 * @param added findings not active before the pass
 * @param escalated active findings whose severity rose, with the severity they had
 * @param cleared active findings the pass no longer found
 * @param refreshed how many active findings it found again without a rise (their values are updated)
 */
public record FindingPass(LocalDate asOf, String playbookVersion, List<FindingEntry> added, List<Escalated> escalated,
		List<FindingEntry> cleared, int refreshed) {

	public record Escalated(FindingEntry finding, Severity before) {
	}

	/** True when nothing was added, escalated or cleared. */
	public boolean unchanged() {
		return added.isEmpty() && escalated.isEmpty() && cleared.isEmpty();
	}

}
