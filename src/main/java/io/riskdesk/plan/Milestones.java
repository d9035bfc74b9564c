package io.riskdesk.plan;

import java.time.LocalDate;

/** How milestones read in timeline lines. */
final class Milestones {

	private Milestones() {
	}

	/** "due 2026-12-04", or "no date yet". */
	static String dueText(LocalDate due) {
		return due == null ? "no date yet" : "due " + due;
	}

}
