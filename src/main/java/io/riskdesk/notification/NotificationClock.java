package io.riskdesk.notification;

import java.time.Instant;

import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskStatus;
import io.riskdesk.risk.TriageStep;
import io.riskdesk.risk.TriageStepRequest;
import io.riskdesk.sla.ClockKind;
import io.riskdesk.sla.ClockState;
import io.riskdesk.sla.SlaClocks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The NOTIFICATION clock is met when the first matrix notification of the risk's severity is
 * delivered, not when it is queued: the first delivery records the NOTIFY_STAKEHOLDERS triage
 * step, and after an escalation the first delivery at the new severity records the stakeholders
 * notified again. A delivery for a severity the risk no longer has meets nothing.
 */
@Component
class NotificationClock {

	private static final Logger log = LoggerFactory.getLogger(NotificationClock.class);

	private static final int ATTEMPTS = 3;

	private final RiskRegister risks;

	private final SlaClocks clocks;

	private final TransactionTemplate transactions;

	NotificationClock(RiskRegister risks, SlaClocks clocks, TransactionTemplate transactions) {
		this.risks = risks;
		this.clocks = clocks;
		this.transactions = transactions;
	}

	/** Retried on a concurrent edit of the risk: the delivery happened, whatever else changed meanwhile. */
	void delivered(NotificationOutbox.Outgoing message, Instant at) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			try {
				transactions.executeWithoutResult(status -> record(message, at));
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				if (attempt == ATTEMPTS) {
					log.warn("Could not record the notification of {} on the risk after {} attempts: {}",
							message.riskKey(), ATTEMPTS, ex.toString());
				}
			}
		}
	}

	private void record(NotificationOutbox.Outgoing message, Instant at) {
		RiskDetails risk = risks.get(message.riskKey());
		if (risk.severity() != message.severity() || risk.status() == RiskStatus.CLOSED) {
			return;
		}
		String note = message.channel() + " to " + message.recipientName() + " delivered at " + at;
		if (risk.missingTriageSteps().contains(TriageStep.NOTIFY_STAKEHOLDERS)) {
			risks.recordTriageStep(risk.key(), null, new TriageStepRequest(TriageStep.NOTIFY_STAKEHOLDERS, note, null),
					NotificationEvents.ACTOR);
		}
		else if (notificationOwed(risk.key())) {
			risks.recordNotification(risk.key(), null, note, NotificationEvents.ACTOR);
		}
	}

	private boolean notificationOwed(String riskKey) {
		return clocks.clocksOf(riskKey)
			.stream()
			.anyMatch(clock -> clock.kind() == ClockKind.NOTIFICATION && clock.metAt() == null
					&& clock.state() != ClockState.STOPPED);
	}

}
