package io.riskdesk.notification;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.riskdesk.core.DeliveryLoop;
import io.riskdesk.notification.Notifications.NotificationsQueued;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox, on every node: claims one due message at a time (SKIP LOCKED, so nodes never
 * take the same one), sends it, and marks it in a transaction of its own at once. A node that dies
 * between the send and the mark leaves exactly that one message to be sent again when its lease
 * runs out: the at-least-once window is one message per node. Wakes after a commit that queued
 * messages, and every poll interval for retries and other nodes' leftovers.
 */
@Component
class DeliveryWorker extends DeliveryLoop {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private final NotificationOutbox outbox;

	private final MessageChannels channels;

	private final NotificationClock notificationClock;

	private final TransactionTemplate transactions;

	private final NotificationProperties.Delivery settings;

	private final Clock clock;

	private final String node = ManagementFactory.getRuntimeMXBean().getName();

	DeliveryWorker(NotificationOutbox outbox, MessageChannels channels, NotificationClock notificationClock,
			TransactionTemplate transactions, NotificationProperties properties, Clock clock) {
		super("notification-delivery", "riskdesk.notifications.delivery.enabled", properties.delivery().enabled(),
				properties.delivery().pollInterval(), properties.delivery().lease());
		this.outbox = outbox;
		this.channels = channels;
		this.notificationClock = notificationClock;
		this.transactions = transactions;
		this.settings = properties.delivery();
		this.clock = clock;
	}

	@TransactionalEventListener
	void on(NotificationsQueued queued) {
		wakeUp();
	}

	/** Deliveries a node sent but did not live to record on their risk. */
	@Override
	protected void afterPass() {
		notificationClock.recordDeliveries();
	}

	/** Claims, sends and marks one due message; false when none is due. */
	@Override
	protected boolean deliverNext() {
		Instant now = clock.instant();
		Optional<NotificationOutbox.Outgoing> claimed = transactions
			.execute(status -> outbox.claim(now, now.plus(settings.lease()), node));
		if (claimed == null || claimed.isEmpty()) {
			return false;
		}
		NotificationOutbox.Outgoing message = claimed.get();
		try {
			channels.deliver(message);
		}
		catch (RuntimeException ex) {
			// A NotificationDeliveryException, or a bug in a channel: either way this attempt failed.
			failed(message, ex);
			return true;
		}
		Instant deliveredAt = clock.instant();
		Boolean marked = transactions.execute(status -> channels.confirm(message, deliveredAt));
		if (Boolean.TRUE.equals(marked) && message.meetsNotificationClock()) {
			notificationClock.recordDeliveries();
		}
		return true;
	}

	private void failed(NotificationOutbox.Outgoing message, RuntimeException ex) {
		String error = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		boolean last = message.attempt() >= settings.maxAttempts();
		Instant now = clock.instant();
		Instant next = last ? null : now.plus(settings.backoffAfter(message.attempt()));
		log.warn("Notification {} ({} to {}) attempt {} of {} failed: {}", message.id(), message.channel(),
				message.recipientName(), message.attempt(), settings.maxAttempts(), error);
		transactions.executeWithoutResult(status -> channels.failed(message, error, next, now));
	}

}
