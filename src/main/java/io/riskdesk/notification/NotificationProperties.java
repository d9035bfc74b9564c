package io.riskdesk.notification;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import io.riskdesk.core.DeliveryLoop;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code riskdesk.notifications.*}: where links point, whom mail is from, where mail goes without
 * an SMTP server, where template overrides live, and how the delivery worker retries.
 */
@ConfigurationProperties("riskdesk.notifications")
@Validated
record NotificationProperties(
		@NotNull @DefaultValue("http://localhost:8080") URI baseUrl,
		@NotBlank @DefaultValue("Riskdesk <riskdesk@localhost>") String from,
		@NotNull @DefaultValue("./data/outbox") Path outboxDirectory,
		Path templatesDirectory,
		@NotNull @Valid @DefaultValue Delivery delivery) {

	/**
	 * The worker looks for due messages every {@code pollInterval} (and at once after a commit
	 * that queued some); a failed attempt is retried after {@code initialBackoff}, doubling up to
	 * {@code maxBackoff}, until {@code maxAttempts}. A message being sent is leased for
	 * {@code lease}: if its node dies, another (or the restarted one) sends it after that.
	 */
	record Delivery(
			@DefaultValue("true") boolean enabled,
			@NotNull @DefaultValue("2s") Duration pollInterval,
			@Min(1) @DefaultValue("6") int maxAttempts,
			@NotNull @DefaultValue("30s") Duration initialBackoff,
			@NotNull @DefaultValue("1h") Duration maxBackoff,
			@NotNull @DefaultValue("2m") Duration lease) {

		/** The wait after the given failed attempt (1-based): initial, doubled each time, capped. */
		Duration backoffAfter(int attempt) {
			return DeliveryLoop.backoff(initialBackoff, maxBackoff, attempt);
		}

		@AssertTrue(message = "pollInterval, initialBackoff and lease must be positive")
		boolean isPositive() {
			return positive(pollInterval) && positive(initialBackoff) && positive(lease) && !maxBackoff.isNegative();
		}

		private static boolean positive(Duration duration) {
			return duration != null && !duration.isNegative() && !duration.isZero();
		}
	}

}
