package io.riskdesk.signal.internal;

/** Why one value is not valid; cheap (no stack trace), as a bad file may hold many. */
final class Wrong extends RuntimeException {

	Wrong(String reason) {
		super(reason, null, false, false);
	}

}
