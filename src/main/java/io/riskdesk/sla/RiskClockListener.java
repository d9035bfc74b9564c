package io.riskdesk.sla;

import io.riskdesk.plan.MilestoneAdded;
import io.riskdesk.plan.MilestoneChanged;
import io.riskdesk.plan.MilestoneDone;
import io.riskdesk.plan.MilestoneDropped;
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

	/**
	 * The risk's own clocks stop; its milestones' clocks are the plan's to end: dropped ones stop,
	 * those carried into prevention keep counting (and still go overdue).
	 */
	@EventListener
	void on(RiskResolved resolved) {
		clocks.stopAll(resolved.riskKey(), resolved.at(), false);
	}

	/** A duplicate's work is the original's: everything of it stops. */
	@EventListener
	void on(RiskClosedAsDuplicate duplicate) {
		clocks.stopAll(duplicate.riskKey(), duplicate.at(), true);
	}

	/** The risk's own clocks no longer count (they stopped at resolution; this is the guard); prevention items' do. */
	@EventListener
	void on(RiskClosed closed) {
		clocks.stopAll(closed.riskKey(), closed.at(), false);
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

	/** A milestone with no date yet has no clock until it gets one. */
	@EventListener
	void on(MilestoneAdded milestone) {
		if (milestone.due() != null) {
			clocks.startMilestone(milestone.riskKey(), milestone.milestoneId(), milestone.title(), milestone.due());
		}
	}

	@EventListener
	void on(MilestoneChanged milestone) {
		if (milestone.due() != null) {
			clocks.replanMilestone(milestone.riskKey(), milestone.milestoneId(), milestone.title(), milestone.due());
		}
	}

	@EventListener
	void on(MilestoneDropped milestone) {
		clocks.stopMilestone(milestone.riskKey(), milestone.milestoneId(), milestone.at());
	}

	@EventListener
	void on(MilestoneDone milestone) {
		clocks.meetMilestone(milestone.milestoneId(), milestone.at());
	}

}
