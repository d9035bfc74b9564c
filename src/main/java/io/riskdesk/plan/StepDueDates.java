package io.riskdesk.plan;

import java.time.Instant;
import java.time.LocalDate;

import io.riskdesk.playbook.CapStep;

/**
 * When a CAP template's step falls due for an account. The sla module answers: it keeps the
 * accounts' business calendars, and as it listens to this module's events, this module cannot
 * call it directly.
 */
public interface StepDueDates {

	/**
	 * The date, in the account's time zone, on which {@code offset} after {@code start} falls:
	 * clock hours as they pass, business days in the account's business calendar.
	 */
	LocalDate due(long accountId, Instant start, CapStep.Offset offset);

}
