package io.riskdesk.progress;

import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskEvents.RiskClosed;
import io.riskdesk.risk.RiskEvents.RiskClosedAsDuplicate;
import io.riskdesk.risk.RiskEvents.RiskReopened;
import io.riskdesk.risk.RiskEvents.RiskResolved;
import io.riskdesk.risk.RiskEvents.RiskTriaged;
import io.riskdesk.risk.RiskEvents.SeverityChanged;
import io.riskdesk.risk.RiskRegister;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each risk's next progress due instant in step with the register, in the same transaction
 * as the change: counting starts at triage (and again at a reopening), follows the severity, and
 * ends when the risk is resolved or closed.
 */
@Component
class RiskProgressListener {

	private final ProgressUpdates progress;

	private final RiskRegister risks;

	RiskProgressListener(ProgressUpdates progress, RiskRegister risks) {
		this.progress = progress;
		this.risks = risks;
	}

	@EventListener
	void on(RiskTriaged triaged) {
		progress.track(triaged.riskKey(), triaged.sla().accountId(), triaged.sla().severity(), triaged.at());
	}

	@EventListener
	void on(SeverityChanged change) {
		progress.retarget(change.riskKey(), change.to());
	}

	@EventListener
	void on(RiskReopened reopened) {
		RiskDetails risk = risks.get(reopened.riskKey());
		progress.track(reopened.riskKey(), risk.account().id(), risk.severity(), reopened.at());
	}

	@EventListener
	void on(RiskResolved resolved) {
		progress.stop(resolved.riskKey());
	}

	@EventListener
	void on(RiskClosed closed) {
		progress.stop(closed.riskKey());
	}

	@EventListener
	void on(RiskClosedAsDuplicate duplicate) {
		progress.stop(duplicate.riskKey());
	}

	/** Risks already being worked when this module was installed count from their triage (or latest update). */
	@EventListener(ApplicationReadyEvent.class)
	void trackRisksTriagedBefore() {
		progress.trackUntracked();
	}

}
