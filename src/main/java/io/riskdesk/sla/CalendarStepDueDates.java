package io.riskdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import io.riskdesk.plan.StepDueDates;
import io.riskdesk.playbook.CapStep;

import org.springframework.stereotype.Component;

/**
 * Due dates of CAP template steps in the account's business calendar, counted as the SLA clocks
 * count: business days from the next business moment (on a Monday to Friday calendar, Friday
 * 15:00 plus one business day is Monday; Saturday plus one is Tuesday), hours as they pass.
 */
@Component
class CalendarStepDueDates implements StepDueDates {

	private final ClockCalendars calendars;

	CalendarStepDueDates(ClockCalendars calendars) {
		this.calendars = calendars;
	}

	@Override
	public LocalDate due(long accountId, Instant start, CapStep.Offset offset) {
		CalendarRef ref = calendars.ofAccount(accountId);
		Instant due = switch (offset.unit()) {
			case HOURS -> start.plus(Duration.ofHours(offset.amount()));
			case BUSINESS_DAYS -> calendars.calendar(ref).plusBusinessDays(start, offset.amount());
		};
		return due.atZone(ref.zone()).toLocalDate();
	}

}
