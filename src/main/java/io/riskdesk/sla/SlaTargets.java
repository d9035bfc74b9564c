package io.riskdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;

import io.riskdesk.playbook.Severity;
import io.riskdesk.playbook.SlaTarget;

/**
 * When a severity's clock of one kind falls due. The playbook mixes clock time and business time:
 * taken alone, an S0 "same business day" logged on a Saturday would fall due on Monday evening,
 * after S1's "4 hours". So a severity is never due later than a lower one: its clock takes the
 * earliest of its own target and the targets of every severity below it.
 *
 * @param playbook the playbook's target of this kind of clock for each severity
 */
record SlaTargets(Function<Severity, SlaTarget> playbook) {

	/** The target a clock runs to: counted in business or clock time, due at {@code dueAt}. */
	record Target(String label, boolean businessTime, Duration total, Instant dueAt) {
	}

	Target of(Severity severity, BusinessCalendar calendar, Instant start) {
		Target own = target(severity, calendar, start);
		return Arrays.stream(Severity.values())
			.filter(lower -> lower.compareTo(severity) > 0)
			.map(lower -> target(lower, calendar, start))
			.filter(lower -> lower.dueAt().isBefore(own.dueAt()))
			.reduce((a, b) -> b.dueAt().isBefore(a.dueAt()) ? b : a)
			.map(lower -> new Target(own.label() + ", at most " + lower.label(), lower.businessTime(), lower.total(),
					lower.dueAt()))
			.orElse(own);
	}

	private Target target(Severity severity, BusinessCalendar calendar, Instant start) {
		SlaTarget target = playbook.apply(severity);
		String label = severity + ": " + describe(target);
		return switch (target.unit()) {
			case HOURS -> clockTime(label, Duration.ofHours(target.amount()), start);
			case BUSINESS_HOURS -> businessTime(label, Duration.ofHours(target.amount()), calendar, start);
			case BUSINESS_DAYS -> businessTime(label,
					calendar.between(start, calendar.plusBusinessDays(start, target.amount())), calendar, start);
			case SAME_DAY -> businessTime(label, calendar.between(start, calendar.endOfBusinessDay(start)), calendar,
					start);
		};
	}

	private static Target clockTime(String label, Duration total, Instant start) {
		return new Target(label, false, total, start.plus(total));
	}

	private static Target businessTime(String label, Duration total, BusinessCalendar calendar, Instant start) {
		return new Target(label, true, total, calendar.plus(start, total));
	}

	private static String describe(SlaTarget target) {
		return switch (target.unit()) {
			case HOURS -> target.amount() + " h";
			case BUSINESS_HOURS -> target.amount() + " business h";
			case BUSINESS_DAYS -> target.amount() + " business day" + (target.amount() == 1 ? "" : "s");
			case SAME_DAY -> "same business day";
		};
	}

}
