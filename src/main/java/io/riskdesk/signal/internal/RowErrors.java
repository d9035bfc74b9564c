package io.riskdesk.signal.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.riskdesk.signal.RowError;
import io.riskdesk.signal.TelemetryRejected;

/** The errors of one request: the first {@link TelemetryRejected#MAX_ERRORS} by row, and how many in all. */
final class RowErrors {

	private final List<RowError> first = new ArrayList<>();

	private long total;

	/** Errors come in row order while the file is read, so the first ones kept are the first by row. */
	void add(long row, String column, String reason) {
		total++;
		if (first.size() < TelemetryRejected.MAX_ERRORS) {
			first.add(new RowError(row, column, reason));
		}
	}

	/** Errors found later by SQL, in their own row order, with how many there were in all. */
	void addAll(List<RowError> errors, long count) {
		first.addAll(errors);
		first.sort(Comparator.comparingLong(RowError::row));
		if (first.size() > TelemetryRejected.MAX_ERRORS) {
			first.subList(TelemetryRejected.MAX_ERRORS, first.size()).clear();
		}
		total += count;
	}

	long total() {
		return total;
	}

	void throwIfAny() {
		if (total > 0) {
			throw new TelemetryRejected(first, total);
		}
	}

}
