package io.riskdesk.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.Severity;
import io.riskdesk.risk.SlaStatus;
import io.riskdesk.sla.SlaPreview.StartingClock;
import io.riskdesk.sla.SlaPreview.StartingMilestone;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Which clocks a risk would start, and how, before it is logged: an import of an old document
 * shows the reviewer what would start already breached. The clocks are made exactly as the
 * running ones are, from the same targets, and only looked at, never saved or scheduled.
 */
@Service
public class SlaPreviews {

	private final BusinessCalendars calendars;

	private final RiskTargets targets;

	private final Clock clock;

	private final double warningFraction;

	SlaPreviews(BusinessCalendars calendars, Playbook playbook, Clock clock,
			@Value(SlaClocks.WARNING_FRACTION) double warningFraction) {
		this.calendars = calendars;
		this.targets = RiskTargets.of(playbook);
		this.clock = clock;
		this.warningFraction = warningFraction;
	}

	/**
	 * @param severity null for a risk logged without one: only its triage clock would start
	 * @param detectedAt when the risk was detected, where its clocks count from
	 * @param milestoneDues the due dates of the milestones it would be logged with (null: no date yet, no clock)
	 */
	public SlaPreview preview(Severity severity, Instant detectedAt, CalendarRef account, List<LocalDate> milestoneDues) {
		Instant now = clock.instant();
		BusinessCalendar calendar = calendars.forAccount(account.name(), account.zone(), account.country());
		List<StartingClock> clocks = targets.owed(severity, calendar, detectedAt).entrySet().stream().map(owed -> {
			SlaTargets.Target target = owed.getValue();
			SlaClock c = SlaClock.start(null, owed.getKey(), severity, target.label(), target.total(), account,
					target.businessTime(), detectedAt, target.businessTime() ? Measure.of(calendar) : Measure.CLOCK_TIME,
					warningFraction, now);
			return new StartingClock(owed.getKey(), target.label(), target.businessTime(), c.getDueAt(), status(c, now));
		}).toList();
		List<StartingMilestone> milestones = milestoneDues.stream().map(due -> {
			if (due == null) {
				// No date yet: no clock until one is set.
				return new StartingMilestone(null, null, SlaStatus.ON_TRACK);
			}
			Instant dueAt = calendar.endOfBusinessDay(due);
			SlaClock c = SlaClock.untilMilestone(null, 0, severity, "due " + due, account, dueAt, warningFraction, now);
			return new StartingMilestone(due, dueAt, status(c, now));
		}).toList();
		return new SlaPreview(clocks, milestones, calendar.nextBusinessDay(LocalDate.ofInstant(now, account.zone())));
	}

	/** How a clock just started stands: its own check says whether it is already due or past its warning point. */
	private static SlaStatus status(SlaClock c, Instant now) {
		return switch (c.check(now)) {
			case BREACHED -> SlaStatus.BREACHED;
			case WARNED -> SlaStatus.AT_RISK;
			default -> SlaStatus.ON_TRACK;
		};
	}

}
