package io.riskdesk.progress;

import java.time.Instant;

/**
 * Whether a risk's progress is reported as often as its severity requires.
 *
 * @param frequency how often an update is required (null while the risk has no severity)
 * @param countedFrom what the next due instant counts from: the latest update, else the triage or reopening
 * @param nextUpdateDueAt when the next update is due; null when none is owed (not triaged yet, resolved, closed)
 * @param staleSince when the risk went stale ({@code nextUpdateDueAt} once passed), else null
 */
public record Staleness(UpdateFrequency frequency, Instant lastUpdateAt, Instant countedFrom, Instant nextUpdateDueAt,
		boolean stale, Instant staleSince) {
}
