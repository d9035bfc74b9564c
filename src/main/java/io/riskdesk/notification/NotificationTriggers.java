package io.riskdesk.notification;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.riskdesk.cadence.CadenceEvents.MeetingHeld;
import io.riskdesk.plan.CorrectiveActionPlans;
import io.riskdesk.plan.MilestoneOverdue;
import io.riskdesk.playbook.NotificationTrigger;
import io.riskdesk.progress.ProgressReported;
import io.riskdesk.progress.RiskWentStale;
import io.riskdesk.risk.RiskEvents.RiskClosed;
import io.riskdesk.risk.RiskEvents.RiskResolved;
import io.riskdesk.risk.RiskEvents.RiskTriaged;
import io.riskdesk.risk.RiskEvents.SeverityChanged;
import io.riskdesk.risk.RiskStatus;
import io.riskdesk.sla.ClockKind;
import io.riskdesk.sla.SlaEvents.ClockBreached;
import io.riskdesk.sla.SlaEvents.ClockWarned;

import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * The facts of other modules that the playbook's notification triggers listen to, turned into
 * trigger firings in the transaction that publishes them: a message is queued if and only if its
 * cause is committed. They run just before the commit, after every other listener of the fact, so
 * a message shows the clocks and plan the fact itself started. The occurrence names what makes a
 * firing this one and no other.
 */
@Component
class NotificationTriggers {

	private final Notifications notifications;

	private final CorrectiveActionPlans plans;

	NotificationTriggers(Notifications notifications, CorrectiveActionPlans plans) {
		this.notifications = notifications;
		this.plans = plans;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(RiskTriaged triaged) {
		fire(NotificationTrigger.TRIAGED, triaged.riskKey(), "triaged@" + triaged.at(), triaged.at(), Map.of());
	}

	/** Before triage nobody has been told yet: the triage's own message carries the severity it settles on. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(SeverityChanged change) {
		if (change.sla().status() != RiskStatus.OPEN) {
			fire(NotificationTrigger.SEVERITY_CHANGED, change.riskKey(), change.from() + "-" + change.to() + "@" + change.at(),
					change.at(), Map.of("from", change.from(), "to", change.to(), "reason", change.reason()));
		}
	}

	/** A milestone's clock speaks through MILESTONE_OVERDUE instead. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ClockWarned warned) {
		if (warned.clock() != ClockKind.MILESTONE) {
			fire(NotificationTrigger.SLA_WARNING, warned.riskKey(), warned.clock() + "@" + warned.dueAt(), warned.at(),
					Map.of("clock", warned.clock(), "target", warned.target(), "dueAt", warned.dueAt()));
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ClockBreached breached) {
		if (breached.clock() != ClockKind.MILESTONE) {
			fire(NotificationTrigger.SLA_BREACH, breached.riskKey(), breached.clock() + "@" + breached.dueAt(),
					breached.at(), Map.of("clock", breached.clock(), "target", breached.target(), "dueAt", breached.dueAt()));
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(MilestoneOverdue overdue) {
		Map<String, Object> details = new HashMap<>();
		details.put("title", overdue.title());
		details.put("owner", overdue.owner());
		details.put("dueAt", overdue.dueAt());
		notifications.fire(new TriggerEvent(NotificationTrigger.MILESTONE_OVERDUE, overdue.riskKey(),
				"milestone-" + overdue.milestoneId() + "@" + overdue.dueAt(), overdue.at(), details,
				plans.get(overdue.riskKey(), overdue.milestoneId()).ownerId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(RiskWentStale stale) {
		fire(NotificationTrigger.PROGRESS_STALE, stale.riskKey(), "stale@" + stale.dueAt(), stale.at(),
				Map.of("dueAt", stale.dueAt()));
	}

	/** After a cadence meeting the customer is owed an update of what it decided. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(MeetingHeld meeting) {
		fire(NotificationTrigger.CUSTOMER_UPDATE_DUE, meeting.riskKey(), "meeting-" + meeting.meetingId(), meeting.at(),
				Map.of("reason", "a cadence meeting was held"));
	}

	/** A progress update posted internally is news the customer is owed as well. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ProgressReported progress) {
		fire(NotificationTrigger.CUSTOMER_UPDATE_DUE, progress.riskKey(), "progress-" + progress.updateId(),
				progress.at(), Map.of("reason", "a progress update was posted"));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(RiskResolved resolved) {
		fire(NotificationTrigger.RESOLVED, resolved.riskKey(), "resolved@" + resolved.at(), resolved.at(), Map.of());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(RiskClosed closed) {
		fire(NotificationTrigger.CLOSED, closed.riskKey(), "closed@" + closed.at(), closed.at(), Map.of());
	}

	private void fire(NotificationTrigger trigger, String riskKey, String occurrence, Instant at,
			Map<String, Object> details) {
		notifications.fire(new TriggerEvent(trigger, riskKey, occurrence, at, details));
	}

}
