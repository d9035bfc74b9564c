package io.riskdesk.webhook;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.riskdesk.core.DeliveryLoop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the webhook outbox, on every node, as the notifications' worker sends its own: claims one
 * due delivery (SKIP LOCKED), POSTs it, and records the attempt in a transaction of its own at
 * once. A node that dies between the POST and the record leaves exactly that delivery to be sent
 * again when its lease runs out, with the same Riskdesk-Delivery id for the receiver to drop it.
 */
@Component
class WebhookWorker extends DeliveryLoop {

	private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);

	private final WebhookOutbox outbox;

	private final SubscriptionRepository subscriptions;

	private final WebhookSender sender;

	private final TransactionTemplate transactions;

	private final WebhookProperties properties;

	private final Clock clock;

	private final String node = ManagementFactory.getRuntimeMXBean().getName();

	WebhookWorker(WebhookOutbox outbox, SubscriptionRepository subscriptions, WebhookSender sender,
			TransactionTemplate transactions, WebhookProperties properties, Clock clock) {
		super("webhook-delivery", "riskdesk.webhooks.delivery.enabled", properties.delivery().enabled(),
				properties.delivery().pollInterval(), properties.delivery().lease());
		this.outbox = outbox;
		this.subscriptions = subscriptions;
		this.sender = sender;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** Published after a commit that queued deliveries, or a redelivery. */
	record DeliveriesQueued() {
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(DeliveriesQueued queued) {
		wakeUp();
	}

	@Override
	protected boolean deliverNext() {
		WebhookProperties.Delivery settings = properties.delivery();
		Instant now = clock.instant();
		Optional<WebhookOutbox.Outgoing> claimed = transactions
			.execute(status -> outbox.claim(now, now.plus(settings.lease()), node));
		if (claimed == null || claimed.isEmpty()) {
			return false;
		}
		WebhookOutbox.Outgoing delivery = claimed.get();
		WebhookSender.Result result = sender.send(delivery);
		boolean last = delivery.attempt() >= settings.maxAttempts();
		Instant next = result.delivered() || last ? null : clock.instant().plus(settings.backoffAfter(delivery.attempt()));
		if (!result.delivered()) {
			log.warn("Webhook delivery {} ({} to subscription {}) attempt {} of {} failed: {}", delivery.id(),
					delivery.type(), delivery.subscriptionId(), delivery.attempt(), settings.maxAttempts(), result.error());
		}
		transactions.executeWithoutResult(status -> {
			if (!outbox.record(delivery, result, next)) {
				return;
			}
			if (result.delivered()) {
				subscriptions.delivered(delivery.subscriptionId());
			}
			else if (next == null && subscriptions.deliveryFailed(delivery.subscriptionId(),
					properties.disableAfterFailures(), clock.instant())) {
				log.warn("Webhook subscription {} disabled: {} deliveries in a row failed", delivery.subscriptionId(),
						properties.disableAfterFailures());
			}
		});
		return true;
	}

}
