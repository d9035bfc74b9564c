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

	private final NotificationOutbox outbox;

	private final TransactionTemplate transactions;

	NotificationClock(RiskRegister risks, SlaClocks clocks, NotificationOutbox outbox, TransactionTemplate transactions) {
		this.risks = risks;
		this.clocks = clocks;
		this.outbox = outbox;
		this.transactions = transactions;
	}

	/**
	 * Records every delivery not yet recorded: the one just sent, and any a node sent before it
	 * died. Retried on a concurrent edit of the risk (the delivery happened, whatever else changed
	 * meanwhile); one that keeps failing is left for the next pass.
	 */
	void recordDeliveries() {
		for (NotificationOutbox.ClockDelivery delivery : outbox.unrecordedClockDeliveries(20)) {
			for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
				try {
					transactions.executeWithoutResult(status -> {
						if (outbox.markClockRecorded(delivery.id(), delivery.sentAt())) {
							record(delivery);
						}
					});
					break;
				}
				catch (OptimisticLockingFailureException ex) {
					if (attempt == ATTEMPTS) {
						log.warn("Could not record the notification of {} on the risk after {} attempts: {}",
								delivery.riskKey(), ATTEMPTS, ex.toString());
					}
				}
				catch (RuntimeException ex) {
					// Left for the next pass; the others are recorded meanwhile.
					log.warn("Could not record the notification of {} on the risk: {}", delivery.riskKey(), ex.toString());
					break;
				}
			}
		}
	}

	private void record(NotificationOutbox.ClockDelivery delivery) {
		RiskDetails risk = risks.get(delivery.riskKey());
		if (risk.severity() != delivery.severity() || risk.status() == RiskStatus.CLOSED) {
			return;
		}
		String note = delivery.channel() + " to " + delivery.recipientName() + " delivered at " + delivery.sentAt();
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
