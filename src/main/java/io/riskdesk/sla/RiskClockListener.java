package io.riskdesk.sla;

import io.riskdesk.plan.MilestoneAdded;
import io.riskdesk.plan.MilestoneChanged;
import io.riskdesk.plan.MilestoneDone;
import io.riskdesk.risk.RiskEvents.FirstResponseRecorded;
import io.riskdesk.risk.RiskEvents.RiskActivated;
import io.riskdesk.risk.RiskEvents.RiskClosed;
import io.riskdesk.risk.RiskEvents.RiskClosedAsDuplicate;
import io.riskdesk.risk.RiskEvents.RiskLogged;
import io.riskdesk.risk.RiskEvents.RiskResolved;
import io.riskdesk.risk.RiskEvents.RiskTriaged;
import io.riskdesk.risk.RiskEvents.SeverityChanged;
import io.riskdesk.risk.RiskEvents.StakeholdersNotified;
import io.riskdesk.risk.RiskEvents.TriageStepRecorded;
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
	void on(RiskLogged logged) {
		clocks.startOrRetarget(logged.riskKey(), logged.sla());
	}

	@EventListener
	void on(SeverityChanged change) {
		clocks.startOrRetarget(change.riskKey(), change.sla());
	}

	@EventListener
	void on(RiskTriaged triaged) {
		clocks.startOrRetarget(triaged.riskKey(), triaged.sla());
	}

	@EventListener
	void on(RiskActivated activated) {
		clocks.meet(activated.riskKey(), ClockKind.TRIAGE, activated.at());
	}

	@EventListener
	void on(RiskResolved resolved) {
		clocks.stopAll(resolved.riskKey(), resolved.at());
	}

	@EventListener
	void on(RiskClosedAsDuplicate duplicate) {
		clocks.stopAll(duplicate.riskKey(), duplicate.at());
	}

	/** Nothing still counts on a closed risk (a resolved risk's clocks stopped already; this is the guard). */
	@EventListener
	void on(RiskClosed closed) {
		clocks.stopAll(closed.riskKey(), closed.at());
	}

	@EventListener
	void on(TriageStepRecorded step) {
		if (step.step() == TriageStep.NOTIFY_STAKEHOLDERS) {
			clocks.meet(step.riskKey(), ClockKind.NOTIFICATION, step.at());
		}
	}

	@EventListener
	void on(StakeholdersNotified notified) {
		clocks.meet(notified.riskKey(), ClockKind.NOTIFICATION, notified.at());
	}

	@EventListener
	void on(FirstResponseRecorded response) {
		clocks.meet(response.riskKey(), ClockKind.FIRST_RESPONSE, response.at());
	}

	@EventListener
	void on(MilestoneAdded milestone) {
		clocks.startMilestone(milestone.riskKey(), milestone.milestoneId(), milestone.title(), milestone.due());
	}

	@EventListener
	void on(MilestoneChanged milestone) {
		clocks.replanMilestone(milestone.milestoneId(), milestone.title(), milestone.due());
	}

	@EventListener
	void on(MilestoneDone milestone) {
		clocks.meetMilestone(milestone.milestoneId(), milestone.at());
	}

}
