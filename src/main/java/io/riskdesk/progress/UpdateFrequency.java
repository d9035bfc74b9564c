package io.riskdesk.progress;

import java.time.Instant;
import java.util.Map;

import io.riskdesk.playbook.Cadence;
import io.riskdesk.sla.BusinessCalendar;

/**
 * A playbook cadence read as the longest gap allowed between two progress updates, in working
 * days of the account's business calendar: daily is 1, three times a week 2 (Mon, Wed, Fri),
 * twice a week 3 (Mon, Thu), weekly 5, bi-weekly 10.
 */
public record UpdateFrequency(Cadence cadence, int businessDays) {

	private static final Map<Cadence, Integer> BUSINESS_DAYS = Map.of(Cadence.DAILY, 1, Cadence.THREE_TIMES_WEEKLY, 2,
			Cadence.TWICE_WEEKLY, 3, Cadence.WEEKLY, 5, Cadence.BIWEEKLY, 10);

	public static UpdateFrequency of(Cadence cadence) {
		return new UpdateFrequency(cadence, BUSINESS_DAYS.get(cadence));
	}

	/**
	 * When the next update is due after one at {@code from}: the same point of the working day
	 * {@link #businessDays} working days later (weekends, holidays and closures skipped), so an
	 * update on Friday 15:00 is due again on Monday 15:00 daily, on Wednesday 15:00 twice a week.
	 */
	public Instant dueAfter(Instant from, BusinessCalendar calendar) {
		return calendar.plusBusinessDays(from, businessDays);
	}

}
