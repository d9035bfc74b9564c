package io.riskdesk.signal;

import java.time.Instant;

/**
 * A finding as the log keeps it: active while {@code clearedAt} is null.
 *
 * @param playbookVersion SHA-256 of the playbook file that produced this version of the finding
 * @param firstFoundAt the pass that first found it (a risk closed after it has seen it)
 * @param lastFoundAt the latest pass that found it
 * @param riskKey the risk of the register it went to; null until a pass puts it there
 */
public record FindingEntry(long id, Finding finding, String playbookVersion, Instant firstFoundAt,
		Instant lastFoundAt, Instant clearedAt, String riskKey) {
}
