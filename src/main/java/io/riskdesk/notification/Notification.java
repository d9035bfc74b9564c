package io.riskdesk.notification;

import java.time.Instant;

import io.riskdesk.playbook.Channel;
import io.riskdesk.playbook.NotificationTrigger;
import io.riskdesk.playbook.Severity;

/**
 * One message of the outbox as people see it: to whom, how, about what, and how its delivery
 * went. {@code riskKey} is null for a weekly digest. {@code address} is the e-mail address, the
 * Slack channel, or null for a note on the risk's timeline.
 */
public record Notification(long id, String riskKey, NotificationTrigger trigger, String occurrence, Severity severity,
		Channel channel, String recipientName, String recipientRole, Side side, String address, String template,
		String subject, NotificationStatus status, int attempts, Instant nextAttemptAt, String lastError,
		Instant createdAt, Instant sentAt) {
}
