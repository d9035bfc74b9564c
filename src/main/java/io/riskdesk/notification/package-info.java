/**
 * Notifying stakeholders per the playbook. Who is notified of a risk
 * ({@link io.riskdesk.notification.EscalationRecipients}): the escalation matrix, and every rule of
 * playbook.yml's notifications, resolved into people and addresses with a gap for whoever cannot be
 * reached. Trigger firings become outbox messages in the transaction of their cause
 * ({@link io.riskdesk.notification.Notifications}); a worker on every node delivers them by e-mail,
 * Slack, calendar invite or timeline note, with retries, and the first delivered matrix message
 * meets the NOTIFICATION clock.
 */
@ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "account", "cadence", "concession", "core", "plan", "playbook", "progress", "risk", "security", "sla",
				"timeline", "web" })
package io.riskdesk.notification;

import org.springframework.modulith.ApplicationModule;
