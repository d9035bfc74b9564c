/**
 * Outbound webhooks: subscriptions an admin keeps ({@link io.riskdesk.webhook.WebhookSubscriptions}),
 * each naming the event types it wants ({@link io.riskdesk.webhook.WebhookEventType}). The facts of
 * the risk, sla and concession modules become one delivery per matching enabled subscription, in
 * the transaction of the fact; a worker on every node sends them, signed with HMAC-SHA256
 * ({@link io.riskdesk.webhook.WebhookSignature}), with retries, and disables a subscription after
 * N deliveries in a row gave up.
 */
@ApplicationModule(displayName = "Webhooks",
		allowedDependencies = { "account", "concession", "core", "playbook", "risk", "sla", "web" })
package io.riskdesk.webhook;

import org.springframework.modulith.ApplicationModule;
