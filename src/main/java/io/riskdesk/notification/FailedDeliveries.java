package io.riskdesk.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import io.riskdesk.core.ConflictException;
import io.riskdesk.core.NotFoundException;

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
		// A digest belongs to no risk, so it has no timeline to audit on; the outbox row keeps the attempts.
		if (failed.riskKey() != null) {
			events.publishEvent(new NotificationEvents.NotificationResent(failed.riskKey(), id, failed.channel(),
					failed.recipientName(), actor, now));
		}
		events.publishEvent(new Notifications.NotificationsQueued(1));
		return outbox.find(id).orElseThrow();
	}

}
