package io.riskdesk.notification;

import java.time.Instant;

import io.riskdesk.notification.NotificationEvents.DeliveryFailed;
import io.riskdesk.notification.NotificationEvents.InternalNoteWritten;
import io.riskdesk.playbook.Channel;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Sends a claimed message on its channel, then records the outcome. A timeline note is written
 * in the same transaction as its SENT mark, so it is written exactly once; the other channels are
 * outside systems, written to before the mark.
 */
@Component
class MessageChannels {

	private final MailChannel mail;

	private final SlackWebhooks slack;

	private final JsonMapper json;

	private final NotificationOutbox outbox;

	private final ApplicationEventPublisher events;

	MessageChannels(MailChannel mail, SlackWebhooks slack, JsonMapper json, NotificationOutbox outbox,
			ApplicationEventPublisher events) {
		this.mail = mail;
		this.slack = slack;
		this.json = json;
		this.outbox = outbox;
		this.events = events;
	}

	/** Sends it; NotificationDeliveryException (or any runtime exception) when the channel did not take it. */
	void deliver(NotificationOutbox.Outgoing message) {
		switch (message.channel()) {
			case EMAIL, LIVE_CALL -> mail.send(message);
			case SLACK -> slack.post(message.address(), json.readValue(message.slackMessage(), SlackMessage.class));
			case INTERNAL_NOTES -> {
				// Written with the mark, in confirm.
			}
		}
	}

	/** Marks it sent (in the caller's transaction); false when another node took it over meanwhile. */
	boolean confirm(NotificationOutbox.Outgoing message, Instant at) {
		boolean marked = outbox.markSent(message.id(), message.attempt(), at);
		if (marked && message.channel() == Channel.INTERNAL_NOTES) {
			events.publishEvent(new InternalNoteWritten(message.riskKey(), message.id(), message.trigger(),
					message.subject(), message.text(), at));
		}
		return marked;
	}

	/** Retried at {@code next}, or failed for good when there is none: then the risk's timeline says so. */
	void failed(NotificationOutbox.Outgoing message, String error, Instant next, Instant at) {
		if (outbox.markFailed(message.id(), message.attempt(), error, next) && next == null && message.riskKey() != null) {
			events.publishEvent(new DeliveryFailed(message.riskKey(), message.id(), message.channel(),
					message.recipientName(), message.attempt(), error, at));
		}
	}

}
