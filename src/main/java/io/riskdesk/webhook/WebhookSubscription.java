package io.riskdesk.webhook;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A subscription as the API shows it. {@code secret} is there only in the answer that created or
 * replaced it; every other read leaves it out. {@code consecutiveFailures}: deliveries that gave
 * up one after another; {@code disabledReason}: why Riskdesk disabled it, null when a person did.
 */
public record WebhookSubscription(long id, int version, String url, Set<WebhookEventType> eventTypes, boolean enabled,
		String description, int consecutiveFailures, String disabledReason, Instant createdAt, Instant updatedAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

	WebhookSubscription withSecret(String shownOnce) {
		return new WebhookSubscription(id, version, url, eventTypes, enabled, description, consecutiveFailures,
				disabledReason, createdAt, updatedAt, shownOnce);
	}

}
