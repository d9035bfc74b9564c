package io.riskdesk.webhook;

import java.time.Duration;

import io.riskdesk.core.DeliveryLoop;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code riskdesk.webhooks.*}: how deliveries are retried and timed out, and after how many
 * deliveries that gave up in a row a subscription is disabled.
 */
@ConfigurationProperties("riskdesk.webhooks")
@Validated
record WebhookProperties(@Min(1) @DefaultValue("10") int disableAfterFailures,
		@NotNull @Valid @DefaultValue Delivery delivery) {

	/**
	 * Like the notifications' worker: polls every {@code pollInterval} (at once after a commit that
	 * queued deliveries), retries after {@code initialBackoff} doubling up to {@code maxBackoff}
	 * until {@code maxAttempts}; a delivery being sent is leased for {@code lease}, which must
	 * outlast the connect and read timeouts so that a slow receiver never gets it from two nodes.
	 */
	record Delivery(
			@DefaultValue("true") boolean enabled,
			@NotNull @DefaultValue("2s") Duration pollInterval,
			@Min(1) @DefaultValue("8") int maxAttempts,
			@NotNull @DefaultValue("30s") Duration initialBackoff,
			@NotNull @DefaultValue("6h") Duration maxBackoff,
			@NotNull @DefaultValue("2m") Duration lease,
			@NotNull @DefaultValue("5s") Duration connectTimeout,
			@NotNull @DefaultValue("10s") Duration readTimeout) {

		Duration backoffAfter(int attempt) {
			return DeliveryLoop.backoff(initialBackoff, maxBackoff, attempt);
		}

		@AssertTrue(message = "pollInterval, initialBackoff, the timeouts and lease must be positive, and lease longer "
				+ "than connectTimeout + readTimeout")
		boolean isConsistent() {
			return positive(pollInterval) && positive(initialBackoff) && positive(connectTimeout)
					&& positive(readTimeout) && maxBackoff != null && !maxBackoff.isNegative() && positive(lease)
					&& lease.compareTo(connectTimeout.plus(readTimeout)) > 0;
		}

		private static boolean positive(Duration duration) {
			return duration != null && !duration.isNegative() && !duration.isZero();
		}
	}

}
