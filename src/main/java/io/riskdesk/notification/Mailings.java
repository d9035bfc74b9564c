package io.riskdesk.notification;

import java.time.Instant;
import java.util.Objects;

import io.riskdesk.notification.Notifications.NotificationsQueued;
import io.riskdesk.playbook.Channel;
import io.riskdesk.playbook.NotificationTrigger;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mails about no single risk that other modules send, such as a report with its file attached,
 * queued in the outbox and delivered by the worker like every other message (retries, the failed
 * list, resend). A mailing is queued once per (trigger, occurrence, address): queuing it again
 * queues nothing.
 */
@Service
public class Mailings {

	private final NotificationOutbox outbox;

	private final ApplicationEventPublisher events;

	Mailings(NotificationOutbox outbox, ApplicationEventPublisher events) {
		this.outbox = outbox;
		this.events = events;
	}

	/** A file sent with a mailing. */
	public record Attachment(String filename, String contentType, byte[] content) {

		public Attachment {
			Objects.requireNonNull(filename, "filename");
			Objects.requireNonNull(contentType, "contentType");
			Objects.requireNonNull(content, "content");
		}

	}

	/**
	 * One e-mail to one address.
	 *
	 * @param trigger what sends it, one that is no playbook trigger (e.g. EXECUTIVE_DIGEST)
	 * @param occurrence which run of it, e.g. the ISO week "2026-W49": with the trigger and the address, its identity
	 * @param template the name the outbox lists it under
	 * @param html null for plain text only
	 * @param attachment null for none
	 */
	public record Mailing(NotificationTrigger trigger, String occurrence, String recipientName, String address,
			String template, String subject, String text, String html, Attachment attachment) {

		public Mailing {
			if (trigger.configurable()) {
				throw new IllegalArgumentException(trigger + " is a playbook trigger: its messages are about a risk");
			}
		}

	}

	/** Queues it unless it was queued before; true when it was queued now. */
	@Transactional
	public boolean queue(Mailing mailing, Instant now) {
		boolean added = outbox.add(new NotificationOutbox.NewMessage(null, mailing.trigger(), mailing.occurrence(), null,
				Channel.EMAIL, "address:" + mailing.address(), mailing.recipientName(), null, Side.INTERNAL,
				mailing.address(), mailing.template(),
				new NotificationTemplates.Rendered(mailing.subject(), mailing.text(), mailing.html()), null, null, false,
				mailing.attachment()), now);
		if (added) {
			events.publishEvent(new NotificationsQueued(1));
		}
		return added;
	}

}
