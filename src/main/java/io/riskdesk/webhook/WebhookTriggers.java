package io.riskdesk.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.riskdesk.account.Money;
import io.riskdesk.concession.ConcessionApproved;
import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskEvents.RiskClosed;
import io.riskdesk.risk.RiskEvents.RiskClosedAsDuplicate;
import io.riskdesk.risk.RiskEvents.RiskLogged;
import io.riskdesk.risk.RiskEvents.RiskResolved;
import io.riskdesk.risk.RiskEvents.RiskTriaged;
import io.riskdesk.risk.RiskEvents.SeverityChanged;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.sla.ClockKind;
import io.riskdesk.sla.SlaEvents.ClockBreached;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The facts that subscriptions can ask for, turned into deliveries in the transaction that
 * publishes them, just before its commit: a receiver hears of a fact if and only if it is
 * committed, and sees the risk as that transaction leaves it. The event id is derived from the
 * fact, so the same fact seen twice queues nothing new for a subscription.
 */
@Component
class WebhookTriggers {

	private final SubscriptionRepository subscriptions;

	private final WebhookOutbox outbox;

	private final RiskRegister risks;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	WebhookTriggers(SubscriptionRepository subscriptions, WebhookOutbox outbox, RiskRegister risks, JsonMapper json,
			ApplicationEventPublisher events, Clock clock) {
		this.subscriptions = subscriptions;
		this.outbox = outbox;
		this.risks = risks;
		this.json = json;
		this.events = events;
		this.clock = clock;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(RiskLogged logged) {
		queue(WebhookEventType.RISK_OPENED, logged.riskKey(), "logged", logged.at(),
				fields("source", logged.source().name()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(RiskTriaged triaged) {
		queue(WebhookEventType.RISK_TRIAGED, triaged.riskKey(), "triaged@" + triaged.at(), triaged.at(), fields());
	}

	/** A change of a severity the risk had: the first one, set at triage, comes with RISK_TRIAGED. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(SeverityChanged change) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("from", change.from() == null ? null : change.from().name());
		details.put("to", change.to().name());
		details.put("reason", change.reason());
		queue(WebhookEventType.SEVERITY_CHANGED, change.riskKey(), change.from() + "-" + change.to() + "@" + change.at(),
				change.at(), details);
	}

	/**
	 * The risk's SLA clocks (triage, first response, notification). A milestone's clock is its due
	 * date, not an SLA, and several of one risk can fall due at the same moment.
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ClockBreached breached) {
		if (breached.clock() == ClockKind.MILESTONE) {
			return;
		}
		queue(WebhookEventType.SLA_BREACHED, breached.riskKey(), breached.clock() + "@" + breached.dueAt(), breached.at(),
				fields("clock", breached.clock().name(), "target", breached.target(), "dueAt", breached.dueAt().toString()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(RiskResolved resolved) {
		queue(WebhookEventType.RISK_RESOLVED, resolved.riskKey(), "resolved@" + resolved.at(), resolved.at(),
				fields("rootCause", resolved.rootCause(), "preventionItems", resolved.prevention()
					.stream()
					.map(item -> Map.of("text", item.text(), "owner", item.owner(), "due", item.due().toString()))
					.toList()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(RiskClosed closed) {
		queue(WebhookEventType.RISK_CLOSED, closed.riskKey(), "closed@" + closed.at(), closed.at(),
				fields("outcome", closed.outcome().name(), "closingSummary", closed.closingSummary()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(RiskClosedAsDuplicate closed) {
		queue(WebhookEventType.RISK_CLOSED, closed.riskKey(), "closed@" + closed.at(), closed.at(),
				fields("duplicateOf", closed.original()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ConcessionApproved approved) {
		Map<String, Object> concession = new LinkedHashMap<>();
		concession.put("id", approved.concessionId());
		concession.put("kind", approved.concessionKind().name());
		concession.put("value", money(approved.value()));
		concession.put("description", approved.description());
		concession.put("approverRole", approved.approverRole());
		concession.put("reason", approved.reason());
		queue(WebhookEventType.CONCESSION_APPROVED, approved.riskKey(), "concession-" + approved.concessionId(),
				approved.at(), fields("concession", concession));
	}

	/**
	 * Builds the payload (only if some subscription wants the type) and queues it for each one:
	 * {@code {id, type, occurredAt, data: {the risk as it now is, then the fact's own fields}}}.
	 */
	private void queue(WebhookEventType type, String riskKey, String occurrence, Instant at, Map<String, Object> facts) {
		if (!subscriptions.anyWants(type)) {
			return;
		}
		String id = "evt_" + UUID.nameUUIDFromBytes(String.join("|", type.name(), riskKey, occurrence)
			.getBytes(StandardCharsets.UTF_8));
		Map<String, Object> data = risk(risks.get(riskKey));
		data.putAll(facts);
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", id);
		payload.put("type", type.name());
		payload.put("occurredAt", at.toString());
		payload.put("data", data);
		if (outbox.add(new WebhookOutbox.Event(id, type, riskKey, json.writeValueAsString(payload)), clock.instant()) > 0) {
			events.publishEvent(new WebhookWorker.DeliveriesQueued());
		}
	}

	private static Map<String, Object> risk(RiskDetails risk) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("riskKey", risk.key());
		data.put("title", risk.title());
		data.put("category", risk.category().name());
		Map<String, Object> account = new LinkedHashMap<>();
		account.put("id", risk.account().id());
		account.put("name", risk.account().name());
		data.put("account", account);
		data.put("severity", risk.severity() == null ? null : risk.severity().name());
		data.put("status", risk.status().name());
		data.put("owner", risk.owner() == null ? null : risk.owner().name());
		data.put("arrAtRisk", money(risk.arrAtRisk()));
		data.put("renewalDate", risk.renewalDate() == null ? null : risk.renewalDate().toString());
		return data;
	}

	/** Key, value, key, value ...: a map that keeps their order and a value the fact leaves empty (null). */
	private static Map<String, Object> fields(Object... keysAndValues) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return fields;
	}

	private static Map<String, Object> money(Money money) {
		if (money == null) {
			return null;
		}
		return Map.of("amount", money.amount().toPlainString(), "currency", money.currency().getCurrencyCode());
	}

}
