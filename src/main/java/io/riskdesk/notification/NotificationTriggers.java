package io.riskdesk.notification;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.riskdesk.cadence.CadenceEvents.MeetingHeld;
import io.riskdesk.plan.CorrectiveActionPlans;
import io.riskdesk.plan.MilestoneOverdue;
import io.riskdesk.playbook.NotificationTrigger;
import io.riskdesk.progress.RiskWentStale;
import io.riskdesk.risk.RiskEvents.RiskClosed;
import io.riskdesk.risk.RiskEvents.RiskResolved;
import io.riskdesk.risk.RiskEvents.RiskTriaged;
import io.riskdesk.risk.RiskEvents.SeverityChanged;
import io.riskdesk.risk.RiskStatus;
import io.riskdesk.sla.ClockKind;
import io.riskdesk.sla.SlaEvents.ClockBreached;
import io.riskdesk.sla.SlaEvents.ClockWarned;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The facts of other modules that the playbook's notification triggers listen to, turned into
 * trigger firings in the transaction that publishes them: a message is queued if and only if its
 * cause is committed. The occurrence names what makes a firing this one and no other.
 */
@Component
class NotificationTriggers {

	private final Notifications notifications;

	private final CorrectiveActionPlans plans;

	NotificationTriggers(Notifications notifications, CorrectiveActionPlans plans) {
		this.notifications = notifications;
		this.plans = plans;
	}

	@EventListener
	void on(RiskTriaged triaged) {
		fire(NotificationTrigger.TRIAGED, triaged.riskKey(), "triaged@" + triaged.at(), triaged.at(), Map.of());
	}

	/** Before triage nobody has been told yet: the triage's own message carries the severity it settles on. */
	@EventListener
	void on(SeverityChanged change) {
		if (change.sla().status() != RiskStatus.OPEN) {
			fire(NotificationTrigger.SEVERITY_CHANGED, change.riskKey(), change.from() + "-" + change.to() + "@" + change.at(),
					change.at(), Map.of("from", change.from(), "to", change.to(), "reason", change.reason()));
		}
	}

	/** A milestone's clock speaks through MILESTONE_OVERDUE instead. */
	@EventListener
	void on(ClockWarned warned) {
		if (warned.clock() != ClockKind.MILESTONE) {
			fire(NotificationTrigger.SLA_WARNING, warned.riskKey(), warned.clock() + "@" + warned.dueAt(), warned.at(),
					Map.of("clock", warned.clock(), "target", warned.target(), "dueAt", warned.dueAt()));
		}
	}

	@EventListener
	void on(ClockBreached breached) {
		if (breached.clock() != ClockKind.MILESTONE) {
			fire(NotificationTrigger.SLA_BREACH, breached.riskKey(), breached.clock() + "@" + breached.dueAt(),
					breached.at(), Map.of("clock", breached.clock(), "target", breached.target(), "dueAt", breached.dueAt()));
		}
	}

	@EventListener
	void on(MilestoneOverdue overdue) {
		Map<String, Object> details = new HashMap<>();
		details.put("title", overdue.title());
		details.put("owner", overdue.owner());
		details.put("dueAt", overdue.dueAt());
		notifications.fire(new TriggerEvent(NotificationTrigger.MILESTONE_OVERDUE, overdue.riskKey(),
				"milestone-" + overdue.milestoneId() + "@" + overdue.dueAt(), overdue.at(), details,
				plans.get(overdue.riskKey(), overdue.milestoneId()).ownerId()));
	}

	@EventListener
	void on(RiskWentStale stale) {
		fire(NotificationTrigger.PROGRESS_STALE, stale.riskKey(), "stale@" + stale.dueAt(), stale.at(),
				Map.of("dueAt", stale.dueAt()));
	}

	/** After a cadence meeting the customer is owed an update of what it decided. */
	@EventListener
	void on(MeetingHeld meeting) {
		fire(NotificationTrigger.CUSTOMER_UPDATE_DUE, meeting.riskKey(), "meeting-" + meeting.meetingId(), meeting.at(),
				Map.of("reason", "a cadence meeting was held"));
	}

	@EventListener
	void on(RiskResolved resolved) {
		fire(NotificationTrigger.RESOLVED, resolved.riskKey(), "resolved@" + resolved.at(), resolved.at(), Map.of());
	}

	@EventListener
	void on(RiskClosed closed) {
		fire(NotificationTrigger.CLOSED, closed.riskKey(), "closed@" + closed.at(), closed.at(), Map.of());
	}

	private void fire(NotificationTrigger trigger, String riskKey, String occurrence, Instant at,
			Map<String, Object> details) {
		notifications.fire(new TriggerEvent(trigger, riskKey, occurrence, at, details));
	}

}
