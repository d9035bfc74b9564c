package io.riskdesk.cadence;

import io.riskdesk.risk.RiskEvents.RiskClosed;
import io.riskdesk.risk.RiskEvents.RiskClosedAsDuplicate;
import io.riskdesk.risk.RiskEvents.RiskResolved;
import io.riskdesk.risk.RiskEvents.RiskUpdated;
import io.riskdesk.risk.RiskEvents.SeverityChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the schedules in step with the register, in the transaction of the change: a new cadence
 * re-plans the meetings, a resolved or closed risk meets no more.
 */
@Component
class RiskCadenceListener {

	private final CadenceSchedules schedules;

	RiskCadenceListener(CadenceSchedules schedules) {
		this.schedules = schedules;
	}

	/** The risk's cadence follows a new severity when it was the playbook's default for the old one. */
	@EventListener
	void on(SeverityChanged change) {
		schedules.replan(change.riskKey(), change.actor(), change.at());
	}

	/** Someone chose another cadence on the risk. */
	@EventListener
	void on(RiskUpdated update) {
		if ("cadence".equals(update.field())) {
			schedules.replan(update.riskKey(), update.actor(), update.at());
		}
	}

	@EventListener
	void on(RiskResolved resolved) {
		schedules.end(resolved.riskKey(), "the risk was resolved", resolved.actor(), resolved.at());
	}

	/** A resolved risk's meetings ended at resolve already; this is the guard. */
	@EventListener
	void on(RiskClosed closed) {
		schedules.end(closed.riskKey(), "the risk was closed", closed.actor(), closed.at());
	}

	@EventListener
	void on(RiskClosedAsDuplicate duplicate) {
		schedules.end(duplicate.riskKey(), "the risk was closed as a duplicate of " + duplicate.original(),
				duplicate.actor(), duplicate.at());
	}

}
