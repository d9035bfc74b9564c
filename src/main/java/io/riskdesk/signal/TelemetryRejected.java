package io.riskdesk.signal;

import java.util.List;

/** A telemetry file with wrong rows or a wrong header: nothing of it was stored (400). */
public class TelemetryRejected extends RuntimeException {

	/** The most errors one refusal lists. */
	public static final int MAX_ERRORS = 100;

	private final List<RowError> errors;

	private final long total;

	/** @param errors the first errors by row, at most {@link #MAX_ERRORS}; @param total how many there were in all */
	public TelemetryRejected(List<RowError> errors, long total) {
		super("Nothing was stored: " + (total == 1 ? "1 error" : total + " errors")
				+ (total > errors.size() ? ", the first " + errors.size() + " listed" : ""));
		this.errors = List.copyOf(errors);
		this.total = total;
	}

	public List<RowError> errors() {
		return errors;
	}

	public long total() {
		return total;
	}

}
