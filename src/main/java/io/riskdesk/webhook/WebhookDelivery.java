package io.riskdesk.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event sent (or to be sent) to one subscription: its log line. {@code id} is the
 * Riskdesk-Delivery header, the same on every attempt; {@code responseCode} and {@code lastError}
 * are the last attempt's.
 */
public record WebhookDelivery(UUID id, long subscriptionId, String eventId, WebhookEventType eventType, String riskKey,
		WebhookDeliveryStatus status, int attempts, Integer responseCode, String lastError, Instant createdAt,
		Instant nextAttemptAt, Instant deliveredAt) {

	/** A delivery with its body and every attempt, oldest first. */
	public record Details(WebhookDelivery delivery, String payload, List<Attempt> attempts) {
	}

	/** One try: when, how long, the receiver's status code (null when none came) and the error, trimmed. */
	public record Attempt(int attempt, Instant startedAt, long durationMs, Integer responseCode, String error) {
	}

}
