package io.riskdesk.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import io.riskdesk.core.ConflictException;
import io.riskdesk.core.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages whose every attempt failed, and a manager's way out: sending one again from scratch,
 * audited on its risk's timeline. Who may is the security module's rule (CS managers, CS leaders,
 * admins).
 */
@Service
public class FailedDeliveries {

	private static final Logger log = LoggerFactory.getLogger(FailedDeliveries.class);

	private final NotificationOutbox outbox;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FailedDeliveries(NotificationOutbox outbox, ApplicationEventPublisher events, Clock clock) {
		this.outbox = outbox;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Queues a FAILED message again with fresh attempts; NotFoundException for an unknown id,
	 * ConflictException when it is not failed (any more): only a failed message may go twice.
	 */
	@Transactional
	public Notification resend(long id, String actor) {
		Notification failed = outbox.find(id).orElseThrow(() -> new NotFoundException("Notification", id));
		Instant now = clock.instant();
		if (!outbox.requeue(id, now)) {
			throw new ConflictException("Only a failed notification can be sent again; this one is "
					+ failed.status().name().toLowerCase(Locale.ROOT),
					Map.of("status", failed.status().name()));
		}
		if (failed.riskKey() != null) {
			events.publishEvent(new NotificationEvents.NotificationResent(failed.riskKey(), id, failed.channel(),
					failed.recipientName(), failed.attempts(), failed.lastError(), actor, now));
		}
		else {
			// A digest belongs to no risk and has no timeline: the log keeps who sent it again.
			log.info("Notification {} ({} to {}) queued again by {} after {} failed attempts: {}", id, failed.channel(),
					failed.recipientName(), actor, failed.attempts(), failed.lastError());
		}
		events.publishEvent(new Notifications.NotificationsQueued(1));
		return outbox.find(id).orElseThrow();
	}

}
