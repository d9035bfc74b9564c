package io.riskdesk.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.riskdesk.plan.CorrectiveActionPlans;
import io.riskdesk.plan.Milestone;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.Severity;
import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskEvents;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.core.ClusterLock;
import io.riskdesk.core.ConflictException;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.core.NotFoundException;
import io.riskdesk.core.Text;
import io.riskdesk.core.TextValidator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA clocks of risks: started from the detection time, counted in the account's business
 * calendar (or clock time where the playbook says so), re-targeted when the severity changes,
 * paused while waiting on the customer, met by the action they promise.
 */
@Service
@Transactional
public class SlaClocks {

	/** The share of a clock's target after which it warns; the preview of new clocks warns alike. */
	static final String WARNING_FRACTION = "${riskdesk.sla.warning-fraction:0.75}";

	private final SlaClockRepository clocks;

	private final ClockCalendars calendars;

	private final RiskRegister risks;

	private final SchedulerClient scheduler;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final double warningFraction;

	private final RiskTargets targets;

	private final CorrectiveActionPlans plans;

	private final JdbcClient jdbc;

	SlaClocks(SlaClockRepository clocks, ClockCalendars calendars, RiskRegister risks, Playbook playbook,
			@Lazy SchedulerClient scheduler, ApplicationEventPublisher events, Clock clock,
			@Value(WARNING_FRACTION) double warningFraction, CorrectiveActionPlans plans, JdbcClient jdbc) {
		if (warningFraction <= 0 || warningFraction >= 1) {
			throw new IllegalArgumentException("riskdesk.sla.warning-fraction must be between 0 and 1 (exclusive)");
		}
		this.clocks = clocks;
		this.calendars = calendars;
		this.risks = risks;
		this.scheduler = scheduler;
		this.events = events;
		this.clock = clock;
		this.warningFraction = warningFraction;
		this.targets = RiskTargets.of(playbook);
		this.plans = plans;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<ClockView> clocksOf(String riskKey) {
		risks.requireExists(riskKey);
		Instant now = clock.instant();
		return clocks.findByRiskKey(riskKey)
			.stream()
			.sorted(java.util.Comparator.comparing(SlaClock::getKind)
				.thenComparing(SlaClock::getDueAt, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
			.map(c -> c.view(calendars.measure(c), now))
			.toList();
	}

	/** Refused (409) for a clock that is not running; a breach found on the way is kept. */
	@Transactional(noRollbackFor = ConflictException.class)
	public ClockView pause(String riskKey, ClockKind kind, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidFieldException("reason", "is required to pause a clock (e.g. waiting on the customer)");
		}
		// The page posts the reason as it was typed: the API's limit applies to it too.
		TextValidator.check("reason", reason, Text.LINE);
		SlaClock c = load(riskKey, kind);
		Instant now = clock.instant();
		// A clock already past due breaches (at its due instant) rather than pausing.
		SlaClock.Change due = c.check(now);
		if (due != SlaClock.Change.NONE) {
			c = clocks.save(c);
			announce(c, due, now);
		}
		if (!c.pause(reason.strip(), calendars.measure(c), now)) {
			throw new ConflictException("The " + kind + " clock is " + c.getState() + "; only a running clock can be paused");
		}
		events.publishEvent(new SlaEvents.ClockPaused(riskKey, kind, reason.strip(), now));
		return clocks.save(c).view(calendars.measure(c), now);
	}

	public ClockView resume(String riskKey, ClockKind kind) {
		SlaClock c = load(riskKey, kind);
		Instant now = clock.instant();
		if (!c.resume(calendars.measure(c), warningFraction, now)) {
			throw new ConflictException("The " + kind + " clock is " + c.getState() + "; only a paused clock can be resumed");
		}
		events.publishEvent(new SlaEvents.ClockResumed(riskKey, kind, c.getDueAt(), now));
		return persist(c, now).view(calendars.measure(c), now);
	}

	/**
	 * Starts the clocks a risk is owed, from its detection time: triage always, first response
	 * and notification once it has a severity. Clocks that run already are re-targeted.
	 */
	void startOrRetarget(String riskKey, RiskEvents.SlaInputs risk) {
		CalendarRef calendar = calendars.ofAccount(risk.accountId());
		Instant now = clock.instant();
		var triage = clocks.findByRiskKeyAndKind(riskKey, ClockKind.TRIAGE);
		if (triage.isEmpty()) {
			SlaTargets.Target target = targets.triage(risk.detectedAt());
			start(riskKey, ClockKind.TRIAGE, risk.severity(), target.label(), target.total(), calendar, false,
					risk.detectedAt(), null, now);
		}
		else {
			// Its target does not depend on the severity, but compliance reports it per severity.
			clocks.save(triage.get().reportedUnder(risk.severity()));
		}
		if (risk.severity() == null) {
			return;
		}
		// A risk triaged late may have kept these promises before its clocks started.
		startOrRetarget(riskKey, ClockKind.FIRST_RESPONSE, risk.severity(), targets.firstResponse(), calendar,
				risk.detectedAt(), risk.firstResponseAt(), now, false);
		startOrRetarget(riskKey, ClockKind.NOTIFICATION, risk.severity(), targets.notification(), calendar,
				risk.detectedAt(), risk.notifiedAt(), now, risk.unresolved());
	}

	/**
	 * Starts the clocks of dated milestones still to do that have none: those migrated from action
	 * items (V13), which were never events. A no-op once every such milestone has its clock.
	 */
	void startMissingMilestoneClocks() {
		// Nodes starting together take turns: the second finds the clocks the first started.
		ClusterLock.holdUntilCommit(jdbc, "missing-milestone-clocks");
		List<Milestone> open = plans.openDated();
		if (open.isEmpty()) {
			return;
		}
		Set<Long> counted = Set.copyOf(clocks.milestoneIdsWithClock(open.stream().map(Milestone::id).toList()));
		open.stream()
			.filter(m -> !counted.contains(m.id()))
			.forEach(m -> startMilestone(m.riskKey(), m.id(), m.title(), m.due()));
	}

	/** A milestone was set: its clock runs to the end of the working day it is due, in the account's calendar. */
	void startMilestone(String riskKey, long milestoneId, String title, LocalDate due) {
		RiskDetails risk = risks.get(riskKey);
		CalendarRef calendar = calendars.ofAccount(risk.account().id());
		Instant now = clock.instant();
		persist(SlaClock.untilMilestone(riskKey, milestoneId, risk.severity(), milestoneTarget(title, due), calendar,
				endOfWorkingDay(calendar, due), warningFraction, now), now);
	}

	/**
	 * A milestone's date was set or changed: its first date starts its clock; a clock still counting
	 * moves to the end of the working day of the new date (in the calendar it counts in); one that
	 * breached counts again to a new date, a new promise that may go overdue again. A met or stopped
	 * one stays as it was.
	 */
	void replanMilestone(String riskKey, long milestoneId, String title, LocalDate due) {
		var existing = clocks.findByMilestoneId(milestoneId);
		if (existing.isEmpty()) {
			startMilestone(riskKey, milestoneId, title, due);
			return;
		}
		SlaClock c = existing.get();
		Instant now = clock.instant();
		// What fell due before this change happened first: a missed date stays missed on the timeline.
		SlaClock.Change fell = c.check(now);
		announce(c, fell, now);
		Instant dueAt = endOfWorkingDay(c.calendar(), due);
		if (c.replan(milestoneTarget(title, due), dueAt, warningFraction, now)) {
			events.publishEvent(new SlaEvents.ClockRetargeted(c.getRiskKey(), ClockKind.MILESTONE, c.getTarget(),
					dueAt, now));
			persist(c, now);
		}
		else if (fell != SlaClock.Change.NONE || c.getState() == ClockState.RUNNING) {
			clocks.save(c);
		}
	}

	/** A milestone was dropped: its clock stops, whatever it counted. */
	void stopMilestone(String riskKey, long milestoneId, Instant at) {
		clocks.findByMilestoneId(milestoneId).filter(SlaClock::stop).ifPresent(clocks::save);
	}

	private static String milestoneTarget(String title, LocalDate due) {
		return "Milestone: " + title + " by " + due;
	}

	private Instant endOfWorkingDay(CalendarRef calendar, LocalDate day) {
		return calendars.calendar(calendar).endOfBusinessDay(day);
	}

	void meetMilestone(long milestoneId, Instant at) {
		clocks.findByMilestoneId(milestoneId).ifPresent(c -> meet(c, at));
	}

	/**
	 * The risk was resolved or closed: its clocks still counting stop, so it never breaches; its
	 * milestones' clocks too when {@code milestones} (else the plan ends them one by one).
	 */
	void stopAll(String riskKey, Instant at, boolean milestones) {
		List<ClockKind> stopped = clocks.findByRiskKey(riskKey)
			.stream()
			.filter(c -> milestones || c.getKind() != ClockKind.MILESTONE)
			.filter(SlaClock::stop)
			.map(c -> {
			clocks.save(c);
			return c.getKind();
		}).toList();
		if (!stopped.isEmpty()) {
			events.publishEvent(new SlaEvents.ClocksStopped(riskKey, stopped, at));
		}
	}

	/** The promise of a clock was kept: triage done, first response given, stakeholders notified. */
	void meet(String riskKey, ClockKind kind, Instant at) {
		clocks.findByRiskKeyAndKind(riskKey, kind).ifPresent(c -> meet(c, at));
	}

	private void meet(SlaClock c, Instant now) {
		announce(c, c.check(now), now);
		boolean late = c.getState() == ClockState.BREACHED;
		if (c.meet(now)) {
			clocks.save(c);
			events.publishEvent(new SlaEvents.ClockMet(c.getRiskKey(), c.getKind(), late, now));
		}
	}

	/**
	 * What a scheduled check finds due: run by db-scheduler at a clock's warning and due instants.
	 * @param scheduledFor the instant the check was scheduled for: it has come, whatever this node's clock says
	 */
	void check(long clockId, Instant scheduledFor) {
		clocks.findById(clockId).ifPresent(c -> {
			Instant now = clock.instant().isBefore(scheduledFor) ? scheduledFor : clock.instant();
			SlaClock.Change change = c.check(now);
			if (change != SlaClock.Change.NONE) {
				clocks.save(c);
				announce(c, change, now);
			}
		});
	}

	/** @param reopenable whether a kept promise is owed again at a higher severity (an unresolved risk's notification) */
	private void startOrRetarget(String riskKey, ClockKind kind, Severity severity, SlaTargets targets,
			CalendarRef calendar, Instant start, Instant alreadyMet, Instant now, boolean reopenable) {
		SlaTargets.Target target = targets.of(severity, calendars.calendar(calendar), start);
		boolean business = target.businessTime();
		Duration total = target.total();
		String label = target.label();
		var existing = clocks.findByRiskKeyAndKind(riskKey, kind);
		if (existing.isEmpty()) {
			start(riskKey, kind, severity, label, total, calendar, business, start, alreadyMet, now);
			return;
		}
		SlaClock c = existing.get();
		if (reopenable && reopen(c, severity, calendar, now)) {
			return;
		}
		// What fell due before this change happened first: a breach is recorded at its due instant.
		announce(c, c.check(now), now);
		SlaClock.Change change = c.retarget(severity, label, total, business, calendars.measure(c),
				calendars.measure(calendar, business),
				warningFraction, now);
		if (change == SlaClock.Change.NONE) {
			clocks.save(c);
			return;
		}
		events.publishEvent(new SlaEvents.ClockRetargeted(riskKey, kind, label, c.getDueAt(), now));
		persist(c, now);
		if (change == SlaClock.Change.RETARGETED_AND_BREACHED) {
			announce(c, SlaClock.Change.BREACHED, now);
		}
	}

	/** Raised above the severity whose stakeholders were notified: the new level's are owed it, from now. */
	private boolean reopen(SlaClock c, Severity severity, CalendarRef calendar, Instant now) {
		SlaTargets.Target target = targets.notification().of(severity, calendars.calendar(calendar), now);
		if (!c.reopenFor(severity, target.label(), target.total(), target.businessTime(),
				calendars.measure(calendar, target.businessTime()), warningFraction, now)) {
			return false;
		}
		events.publishEvent(new SlaEvents.NotificationReopened(c.getRiskKey(), target.label(), c.getDueAt(), now));
		persist(c, now);
		return true;
	}

	private void start(String riskKey, ClockKind kind, Severity severity, String label, Duration total,
			CalendarRef calendar, boolean business, Instant start, Instant alreadyMet, Instant now) {
		SlaClock c = SlaClock.start(riskKey, kind, severity, label, total, calendar, business, start,
				calendars.measure(calendar, business), warningFraction, now);
		if (alreadyMet != null) {
			announce(c, c.check(alreadyMet), now);
			c.meet(alreadyMet);
		}
		persist(c, now);
	}

	/** Saves, fires what is already due (a clock may start overdue), and schedules the rest. */
	private SlaClock persist(SlaClock c, Instant now) {
		SlaClock.Change change = c.check(now);
		SlaClock saved = clocks.save(c);
		announce(saved, change, now);
		if (saved.getState() == ClockState.RUNNING) {
			if (saved.getWarnAt() != null) {
				ClockJobs.schedule(scheduler, saved.getId(), "warning", saved.getWarnAt());
			}
			ClockJobs.schedule(scheduler, saved.getId(), "breach", saved.getDueAt());
		}
		return saved;
	}

	private void announce(SlaClock c, SlaClock.Change change, Instant now) {
		if (change == SlaClock.Change.WARNED) {
			events.publishEvent(new SlaEvents.ClockWarned(c.getRiskKey(), c.getKind(), c.getTarget(), c.getDueAt(), now));
		}
		else if (change == SlaClock.Change.BREACHED) {
			Instant breachedAt = c.view(calendars.measure(c), now).breachedAt();
			events.publishEvent(new SlaEvents.ClockBreached(c.getRiskKey(), c.getKind(), c.getTarget(), breachedAt, now));
			if (c.getKind() == ClockKind.MILESTONE) {
				// The plan flags the milestone overdue, once per due date, unless it is done or dropped.
				plans.overdue(c.getMilestoneId(), breachedAt);
			}
		}
	}

	private SlaClock load(String riskKey, ClockKind kind) {
		if (kind == ClockKind.MILESTONE) {
			throw new InvalidFieldException("kind", "a milestone's clock stops when the milestone is done; it is not paused");
		}
		return clocks.findByRiskKeyAndKind(riskKey, kind)
			.orElseThrow(() -> new NotFoundException(kind + " clock of risk", riskKey));
	}

}
