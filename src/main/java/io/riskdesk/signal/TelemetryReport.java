package io.riskdesk.signal;

import java.util.List;

/**
 * What one intake did: rows read, and of those inserted, updated with other values, and unchanged
 * (an equal row was stored already); the ids of the accounts whose telemetry changed, ascending;
 * and what the detection pass over those accounts did, null when none changed.
 */
public record TelemetryReport(TelemetryKind kind, long rowsRead, long inserted, long updated, long unchanged,
		List<Long> accounts, DetectionRun detection) {

	TelemetryReport withDetection(DetectionRun run) {
		return new TelemetryReport(kind, rowsRead, inserted, updated, unchanged, accounts, run);
	}

}
