package io.riskdesk.webhook;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

	/** The whole attempt, body included: the client's own timeout stops at the response headers. */
	private final Duration deadline;

	private final Clock clock;

	WebhookSender(WebhookProperties properties, Clock clock) {
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.delivery().connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.readTimeout = properties.delivery().readTimeout();
		this.deadline = properties.delivery().connectTimeout().plus(readTimeout);
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
		HttpRequest request;
		try {
			request = request(delivery, started);
		}
		catch (IllegalArgumentException ex) {
			return new Result(started, elapsed(start), null, trimmed("Not a URL to post to: " + ex.getMessage()));
		}
		ResponseHead head = new ResponseHead();
		CompletableFuture<HttpResponse<Void>> answer = client.sendAsync(request,
				info -> HttpResponse.BodySubscribers.ofByteArrayConsumer(chunk -> chunk.ifPresent(head::keep)));
		try {
			int code = answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS).statusCode();
			String error = code >= 200 && code < 300 ? null : trimmed("HTTP " + code + ": " + head.text());
			return new Result(started, elapsed(start), code, error);
		}
		catch (TimeoutException ex) {
			// A receiver that trickles its answer must not hold the node's only webhook thread.
			answer.cancel(true);
			return new Result(started, elapsed(start), null, "Timed out: no whole answer within " + deadline);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause() == null ? ex : ex.getCause();
			if (cause instanceof HttpTimeoutException) {
				return new Result(started, elapsed(start), null, trimmed("Timed out: " + cause.getMessage()));
			}
			return new Result(started, elapsed(start), null, trimmed(cause.getClass().getSimpleName()
					+ (cause.getMessage() == null ? "" : ": " + cause.getMessage())));
		}
		catch (InterruptedException ex) {
			answer.cancel(true);
			Thread.currentThread().interrupt();
			return new Result(started, elapsed(start), null, "Interrupted: the node is stopping");
		}
	}

	private HttpRequest request(WebhookOutbox.Outgoing delivery, Instant signedAt) {
		return HttpRequest.newBuilder(URI.create(delivery.url()))
			.timeout(readTimeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", "Riskdesk-Webhooks/1")
			.header(EVENT_HEADER, delivery.type().name())
			.header(DELIVERY_HEADER, delivery.id().toString())
			.header(WebhookSignature.HEADER,
					WebhookSignature.header(delivery.secret(), signedAt.getEpochSecond(), delivery.payload()))
			.POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
			.build();
	}

	/** The start of a receiver's answer, enough for an error line; the rest is read and dropped. */
	private static final class ResponseHead {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		synchronized void keep(byte[] chunk) {
			int room = MAX_ERROR * 4 - bytes.size();
			if (room > 0) {
				bytes.write(chunk, 0, Math.min(room, chunk.length));
			}
		}

		synchronized String text() {
			return bytes.toString(StandardCharsets.UTF_8);
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
