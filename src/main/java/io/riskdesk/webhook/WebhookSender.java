package io.riskdesk.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * POSTs a delivery to its subscription's URL, signed afresh on every attempt (a new timestamp),
 * and tells what came back. Redirects are not followed: a receiver that moved is told by the
 * failure to update its URL rather than have signed events sent where nobody subscribed them.
 */
@Component
class WebhookSender {

	static final String EVENT_HEADER = "Riskdesk-Event";

	static final String DELIVERY_HEADER = "Riskdesk-Delivery";

	/** Enough of a receiver's answer or error to tell what went wrong, not a page of HTML. */
	static final int MAX_ERROR = 300;

	private final HttpClient client;

	private final Duration readTimeout;

	private final Clock clock;

	WebhookSender(WebhookProperties properties, Clock clock) {
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.delivery().connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.readTimeout = properties.delivery().readTimeout();
		this.clock = clock;
	}

	/** One attempt: {@code responseCode} null when no answer came; {@code error} null when it was delivered. */
	record Result(Instant startedAt, Duration duration, Integer responseCode, String error) {

		boolean delivered() {
			return error == null;
		}
	}

	Result send(WebhookOutbox.Outgoing delivery) {
		Instant started = clock.instant();
		long start = System.nanoTime();
		HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
			.timeout(readTimeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", "Riskdesk-Webhooks/1")
			.header(EVENT_HEADER, delivery.type().name())
			.header(DELIVERY_HEADER, delivery.id().toString())
			.header(WebhookSignature.HEADER,
					WebhookSignature.header(delivery.secret(), started.getEpochSecond(), delivery.payload()))
			.POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			int code = response.statusCode();
			String error = code >= 200 && code < 300 ? null : trimmed("HTTP " + code + ": " + response.body());
			return new Result(started, elapsed(start), code, error);
		}
		catch (HttpTimeoutException ex) {
			return new Result(started, elapsed(start), null, trimmed("Timed out: " + ex.getMessage()));
		}
		catch (IOException | IllegalArgumentException ex) {
			return new Result(started, elapsed(start), null, trimmed(ex.getClass().getSimpleName()
					+ (ex.getMessage() == null ? "" : ": " + ex.getMessage())));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(started, elapsed(start), null, "Interrupted: the node is stopping");
		}
	}

	private static Duration elapsed(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private static String trimmed(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return line.length() <= MAX_ERROR ? line : line.substring(0, MAX_ERROR - 1) + "…";
	}

}
