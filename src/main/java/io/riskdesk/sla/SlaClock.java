package io.riskdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.riskdesk.playbook.Severity;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One SLA clock of a risk. While it runs, it is due when {@code remainingSeconds} of its measure
 * (business or clock time) have passed after {@code measuredAt}; pausing freezes the remaining
 * time, so waiting on the customer does not count against the team.
 */
@Table("sla_clock")
class SlaClock {

	/** What a change did to the clock, for the timeline and the events. */
	enum Change {
		NONE, WARNED, BREACHED, RETARGETED, RETARGETED_AND_BREACHED
	}

	@Id
	private Long id;

	@Version
	private Integer version;

	private String riskKey;

	private ClockKind kind;

	private Long milestoneId;

	private Severity severity;

	private String target;

	private boolean businessTime;

	private String calendarName;

	private String timeZone;

	private String country;

	private long totalSeconds;

	private Instant startedAt;

	private long remainingSeconds;

	private Instant measuredAt;

	private Instant dueAt;

	private Instant warnAt;

	private ClockState state;

	private Instant warnedAt;

	private Instant breachedAt;

	private Instant metAt;

	private Instant pausedAt;

	private String pauseReason;

	private SlaClock() {
	}

	/** A clock started at {@code startedAt} (the detection), looked at {@code now}: it may be overdue already. */
	static SlaClock start(String riskKey, ClockKind kind, Severity severity, String target, Duration total,
			CalendarRef calendar, boolean businessTime, Instant startedAt, Measure measure, double warningFraction,
			Instant now) {
		SlaClock clock = new SlaClock();
		clock.riskKey = riskKey;
		clock.kind = kind;
		clock.severity = severity;
		clock.target = target;
		clock.businessTime = businessTime;
		clock.calendarName = calendar.name();
		clock.timeZone = calendar.zone().getId();
		clock.country = calendar.country();
		clock.totalSeconds = total.toSeconds();
		clock.startedAt = startedAt;
		clock.remainingSeconds = clock.totalSeconds;
		clock.measuredAt = startedAt;
		clock.state = ClockState.RUNNING;
		clock.schedule(measure, warningFraction);
		return clock;
	}

	/**
	 * A milestone's clock: due at a fixed instant (the end of the working day of its due date),
	 * counted in clock time from when the milestone was set. A milestone set with a due date
	 * already past starts at that instant, and so breaches there.
	 */
	static SlaClock untilMilestone(String riskKey, long milestoneId, Severity severity, String target,
			CalendarRef calendar, Instant dueAt, double warningFraction, Instant now) {
		// Whole seconds, as the clock counts: a fraction of a second would move the due instant to 15:59:59.
		Instant start = (now.isBefore(dueAt) ? now : dueAt).truncatedTo(ChronoUnit.SECONDS);
		SlaClock clock = start(riskKey, ClockKind.MILESTONE, severity, target, Duration.between(start, dueAt), calendar,
				false, start, Measure.CLOCK_TIME, warningFraction, now);
		clock.milestoneId = milestoneId;
		return clock;
	}

	/**
	 * The milestone's date moved: a counting clock is due at the new instant, counted in clock time
	 * from when it started; a date already past breaches there. A later date is a new promise,
	 * warned about again as it nears. A broken promise (breached, not met) given a new date counts
	 * again to it (its breach stays on the timeline); a kept or stopped one stays what it was.
	 * @return whether the due instant moved (a new title only renames the target)
	 */
	boolean replan(String newTarget, Instant newDueAt, double warningFraction, Instant now) {
		boolean broken = state == ClockState.BREACHED && metAt == null;
		if (state != ClockState.RUNNING && !broken) {
			return false;
		}
		target = newTarget;
		if (newDueAt.equals(broken ? breachedAt : dueAt)) {
			return false;
		}
		if (broken) {
			state = ClockState.RUNNING;
			breachedAt = null;
			warnedAt = null;
		}
		else if (newDueAt.isAfter(dueAt)) {
			warnedAt = null;
		}
		measuredAt = (now.isBefore(newDueAt) ? now : newDueAt).truncatedTo(ChronoUnit.SECONDS);
		remainingSeconds = Duration.between(measuredAt, newDueAt).toSeconds();
		totalSeconds = Math.max(remainingSeconds, Duration.between(startedAt, newDueAt).toSeconds());
		schedule(Measure.CLOCK_TIME, warningFraction);
		return true;
	}

	/**
	 * The target changed (a new severity): counts the new target from the original start, keeping
	 * the time already used. Overdue at once means breached at once.
	 */
	Change retarget(Severity newSeverity, String newTarget, Duration newTotal, boolean newBusinessTime,
			Measure oldMeasure, Measure newMeasure, double warningFraction, Instant now) {
		// A kept, broken or stopped promise stays what it was, under the severity it was owed at;
		// only a counting clock moves.
		if (state != ClockState.RUNNING && state != ClockState.PAUSED) {
			return Change.NONE;
		}
		// A downgrade does not take back a warning already given: the clock stays at risk on record.
		boolean downgrade = severity != null && newSeverity.compareTo(severity) > 0;
		severity = newSeverity;
		if (newTarget.equals(target)) {
			return Change.NONE;
		}
		// The time already used: as counted (pauses left out) while the measure stays; counted
		// again from the start when it changes (S1 business hours -> S0 clock time).
		long used = newBusinessTime == businessTime ? totalSeconds - remaining(oldMeasure, now).toSeconds()
				: newMeasure.between(startedAt, now).toSeconds();
		businessTime = newBusinessTime;
		target = newTarget;
		totalSeconds = newTotal.toSeconds();
		remainingSeconds = totalSeconds - used;
		measuredAt = now;
		if (!downgrade) {
			warnedAt = null;
		}
		if (state == ClockState.RUNNING) {
			schedule(newMeasure, warningFraction);
			if (!now.isBefore(dueAt)) {
				breach(now);
				return Change.RETARGETED_AND_BREACHED;
			}
		}
		return Change.RETARGETED;
	}

	/**
	 * An escalation after the promise was kept: what satisfied a lower severity does not satisfy
	 * this one (S0's stakeholders were not told of an S2), so the clock runs again, from now, to
	 * the new severity's target. A breach of the earlier promise stays on the timeline.
	 */
	boolean reopenFor(Severity newSeverity, String newTarget, Duration newTotal, boolean newBusinessTime,
			Measure measure, double warningFraction, Instant now) {
		// Only a promise kept in time: a breach stays on record (and in the compliance report) as it was.
		if (state != ClockState.MET || severity == null || newSeverity.compareTo(severity) >= 0) {
			return false;
		}
		severity = newSeverity;
		target = newTarget;
		businessTime = newBusinessTime;
		totalSeconds = newTotal.toSeconds();
		remainingSeconds = totalSeconds;
		startedAt = now;
		measuredAt = now;
		state = ClockState.RUNNING;
		metAt = null;
		warnedAt = null;
		schedule(measure, warningFraction);
		return true;
	}

	/** The severity the clock is reported under; its target does not depend on it (the triage clock). */
	SlaClock reportedUnder(Severity newSeverity) {
		severity = newSeverity;
		return this;
	}

	/** Fires what is due at {@code now}: the warning, or the breach (at most once each). */
	Change check(Instant now) {
		if (state != ClockState.RUNNING) {
			return Change.NONE;
		}
		if (!now.isBefore(dueAt)) {
			breach(dueAt);
			return Change.BREACHED;
		}
		if (warnedAt == null && warnAt != null && !now.isBefore(warnAt)) {
			warnedAt = now;
			warnAt = null;
			return Change.WARNED;
		}
		return Change.NONE;
	}

	boolean pause(String reason, Measure measure, Instant now) {
		if (state != ClockState.RUNNING) {
			return false;
		}
		remainingSeconds = remaining(measure, now).toSeconds();
		state = ClockState.PAUSED;
		pausedAt = now;
		pauseReason = reason;
		dueAt = null;
		warnAt = null;
		return true;
	}

	boolean resume(Measure measure, double warningFraction, Instant now) {
		if (state != ClockState.PAUSED) {
			return false;
		}
		state = ClockState.RUNNING;
		measuredAt = now;
		pausedAt = null;
		pauseReason = null;
		schedule(measure, warningFraction);
		return true;
	}

	/** The promise was kept at {@code at} (late, when the clock had breached). */
	boolean meet(Instant at) {
		if (metAt != null || state == ClockState.STOPPED) {
			return false;
		}
		metAt = at;
		if (state != ClockState.BREACHED) {
			state = ClockState.MET;
			dueAt = null;
			warnAt = null;
		}
		return true;
	}

	/** The risk was resolved: a clock still counting stops. */
	boolean stop() {
		if (state != ClockState.RUNNING && state != ClockState.PAUSED) {
			return false;
		}
		state = ClockState.STOPPED;
		dueAt = null;
		warnAt = null;
		return true;
	}

	/** Business or clock time left at {@code now}; negative once overdue. */
	Duration remaining(Measure measure, Instant now) {
		return switch (state) {
			case RUNNING -> Duration.ofSeconds(remainingSeconds).minus(measure.between(measuredAt, now));
			case BREACHED -> metAt != null ? Duration.ZERO : measure.between(breachedAt, now).negated();
			case PAUSED, MET, STOPPED -> Duration.ofSeconds(remainingSeconds);
		};
	}

	private void breach(Instant at) {
		state = ClockState.BREACHED;
		breachedAt = at;
		remainingSeconds = 0;
	}

	/** Due when the remaining time is used; warned when only (1 - fraction) of the total is left. */
	private void schedule(Measure measure, double warningFraction) {
		dueAt = measure.plus(measuredAt, Duration.ofSeconds(Math.max(0, remainingSeconds)));
		long untilWarning = remainingSeconds - Math.round(totalSeconds * (1 - warningFraction));
		warnAt = warnedAt != null ? null : measure.plus(measuredAt, Duration.ofSeconds(Math.max(0, untilWarning)));
	}

	ClockView view(Measure measure, Instant now) {
		return new ClockView(kind, milestoneId, target, businessTime, state, startedAt, dueAt, warnAt, remaining(measure, now),
				warnedAt, breachedAt, metAt, pausedAt, pauseReason);
	}

	CalendarRef calendar() {
		return new CalendarRef(calendarName, java.time.ZoneId.of(timeZone), country);
	}

	Long getId() {
		return id;
	}

	String getRiskKey() {
		return riskKey;
	}

	ClockKind getKind() {
		return kind;
	}

	Long getMilestoneId() {
		return milestoneId;
	}

	boolean isBusinessTime() {
		return businessTime;
	}

	ClockState getState() {
		return state;
	}

	Instant getStartedAt() {
		return startedAt;
	}

	Instant getDueAt() {
		return dueAt;
	}

	Instant getWarnAt() {
		return warnAt;
	}

	String getTarget() {
		return target;
	}

}
