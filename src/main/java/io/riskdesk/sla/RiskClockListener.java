package io.riskdesk.sla;

import io.riskdesk.plan.MilestoneAdded;
import io.riskdesk.plan.MilestoneDone;
import io.riskdesk.risk.RiskChanged;
import io.riskdesk.risk.RiskStatus;
import io.riskdesk.risk.TriageStep;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the clocks in step with the register, in the same transaction as the change: a risk
 * never exists without its clocks, and a met promise stops its clock at once.
 */
@Component
class RiskClockListener {

	private final SlaClocks clocks;

	RiskClockListener(SlaClocks clocks) {
		this.clocks = clocks;
	}

	@EventListener
	void on(RiskChanged change) {
		switch (change.kind()) {
			case LOGGED, SEVERITY_CHANGED -> clocks.startOrRetarget(change.riskKey());
			case TRANSITIONED -> {
				if (RiskStatus.TRIAGED.name().equals(change.after())) {
					clocks.startOrRetarget(change.riskKey());
				}
				if (RiskStatus.ACTIVE.name().equals(change.after())) {
					clocks.meet(change.riskKey(), ClockKind.TRIAGE);
				}
				if (RiskStatus.RESOLVED.name().equals(change.after())) {
					clocks.stopAll(change.riskKey());
				}
			}
			case TRIAGE_STEP -> {
				if (TriageStep.NOTIFY_STAKEHOLDERS.name().equals(change.details().get("step"))) {
					clocks.meet(change.riskKey(), ClockKind.NOTIFICATION);
				}
			}
			case FIRST_RESPONSE -> clocks.meet(change.riskKey(), ClockKind.FIRST_RESPONSE);
			case STAKEHOLDERS_NOTIFIED -> clocks.meet(change.riskKey(), ClockKind.NOTIFICATION);
			default -> {
			}
		}
	}

	@EventListener
	void on(MilestoneAdded milestone) {
		clocks.startMilestone(milestone.riskKey(), milestone.milestoneId(), milestone.title(), milestone.due());
	}

	@EventListener
	void on(MilestoneDone milestone) {
		clocks.meetMilestone(milestone.milestoneId(), milestone.at());
	}

}
