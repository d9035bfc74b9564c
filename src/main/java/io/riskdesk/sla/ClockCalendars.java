package io.riskdesk.sla;

import io.riskdesk.account.Accounts;

import org.springframework.stereotype.Component;

/** The calendars clocks count in: an account's business calendar, or plain clock time. */
@Component
class ClockCalendars {

	private final BusinessCalendars calendars;

	private final Accounts accounts;

	ClockCalendars(BusinessCalendars calendars, Accounts accounts) {
		this.calendars = calendars;
		this.accounts = accounts;
	}

	/** The calendar an account counts business time in: its playbook calendar, time zone and holidays. */
	CalendarRef ofAccount(long accountId) {
		return CalendarRef.of(accounts.get(accountId));
	}

	BusinessCalendar calendar(CalendarRef ref) {
		return calendars.forAccount(ref.name(), ref.zone(), ref.country());
	}

	Measure measure(SlaClock c) {
		return measure(c.calendar(), c.isBusinessTime());
	}

	Measure measure(CalendarRef ref, boolean business) {
		return business ? Measure.of(calendar(ref)) : Measure.CLOCK_TIME;
	}

}
