package io.riskdesk.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.riskdesk.core.ConflictException;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.core.NotFoundException;
import io.riskdesk.web.Versions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhook subscriptions and their delivery logs, for admins: create (a secret generated when
 * none is given, shown once), read, replace (optimistic locking), delete, and send a delivery again.
 */
@Service
public class WebhookSubscriptions {

	private static final Logger log = LoggerFactory.getLogger(WebhookSubscriptions.class);

	/** The most log lines one read returns. */
	public static final int MAX_LOG = 200;

	private static final SecureRandom random = new SecureRandom();

	private final SubscriptionRepository subscriptions;

	private final WebhookOutbox outbox;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	WebhookSubscriptions(SubscriptionRepository subscriptions, WebhookOutbox outbox, ApplicationEventPublisher events,
			Clock clock) {
		this.subscriptions = subscriptions;
		this.outbox = outbox;
		this.events = events;
		this.clock = clock;
	}

	/** The new subscription with its secret: the only answer that shows it. */
	@Transactional
	public WebhookSubscription create(WebhookForm form) {
		checkUrl(form.url());
		String secret = form.secret() == null ? generatedSecret() : form.secret();
		return get(subscriptions.insert(form, secret, clock.instant())).withSecret(secret);
	}

	@Transactional(readOnly = true)
	public List<WebhookSubscription> list() {
		return subscriptions.all();
	}

	@Transactional(readOnly = true)
	public WebhookSubscription get(long id) {
		return subscriptions.find(id).orElseThrow(() -> new NotFoundException("Webhook subscription", id));
	}

	/**
	 * Replaces the subscription's fields if it is still at {@code expectedVersion} (null: any);
	 * a new secret is shown in the answer, once. Enabling a disabled one starts its failures from zero.
	 */
	@Transactional
	public WebhookSubscription update(long id, Integer expectedVersion, WebhookForm form) {
		checkUrl(form.url());
		if (!subscriptions.update(id, expectedVersion, form, clock.instant())) {
			// Gone (404) or changed meanwhile (409): read it now, not before the update, or a commit
			// in between would pass the check and this form (and its new secret) would seem saved.
			Versions.check(expectedVersion, get(id).version(), "Webhook subscription " + id);
			throw new ConflictException("Webhook subscription " + id + " changed meanwhile; read it again");
		}
		WebhookSubscription updated = get(id);
		return form.secret() == null ? updated : updated.withSecret(form.secret());
	}

	/** Deletes the subscription and its log; deliveries not yet sent are never sent. */
	@Transactional
	public void delete(long id, Integer expectedVersion) {
		Versions.check(expectedVersion, get(id).version(), "Webhook subscription " + id);
		subscriptions.delete(id);
	}

	/** The subscription's deliveries, newest first, at most {@code limit} (up to {@link #MAX_LOG}). */
	@Transactional(readOnly = true)
	public List<WebhookDelivery> deliveries(long id, int limit) {
		get(id);
		if (limit < 1 || limit > MAX_LOG) {
			throw new InvalidFieldException("limit", "must be between 1 and " + MAX_LOG);
		}
		return outbox.ofSubscription(id, limit);
	}

	@Transactional(readOnly = true)
	public WebhookDelivery.Details delivery(long id, UUID deliveryId) {
		WebhookDelivery delivery = find(id, deliveryId);
		return new WebhookDelivery.Details(delivery, outbox.payload(deliveryId), outbox.attempts(deliveryId));
	}

	/**
	 * Sends a delivery again, whatever became of it, with fresh attempts and the same body and
	 * Riskdesk-Delivery id. 409 while it is being sent, or while its subscription is disabled
	 * (it would wait unsent until the subscription is enabled).
	 */
	@Transactional
	public WebhookDelivery redeliver(long id, UUID deliveryId, String actor) {
		WebhookSubscription subscription = get(id);
		WebhookDelivery delivery = find(id, deliveryId);
		if (!subscription.enabled()) {
			throw new ConflictException("Webhook subscription " + id + " is disabled: enable it first");
		}
		if (!outbox.requeue(id, deliveryId, clock.instant())) {
			throw new ConflictException("Delivery " + deliveryId + " is being sent right now; see its log in a moment");
		}
		log.info("Webhook delivery {} ({} of {}, was {}) of subscription {} queued again by {}", deliveryId,
				delivery.eventType(), delivery.riskKey(), delivery.status(), id, actor);
		events.publishEvent(new WebhookWorker.DeliveriesQueued());
		return find(id, deliveryId);
	}

	private WebhookDelivery find(long id, UUID deliveryId) {
		get(id);
		return outbox.find(id, deliveryId).orElseThrow(() -> new NotFoundException("Webhook delivery", deliveryId));
	}

	/** An absolute http or https URL with a host: anything else could never be delivered. */
	static void checkUrl(String url) {
		try {
			URI uri = new URI(url.strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!scheme.equals("http") && !scheme.equals("https")) {
				throw new InvalidFieldException("url", "must be an http or https URL");
			}
			if (uri.getHost() == null || uri.getHost().isBlank()) {
				throw new InvalidFieldException("url", "must name a host");
			}
			if (uri.getUserInfo() != null) {
				throw new InvalidFieldException("url", "must not carry a user name or password; the signature authenticates");
			}
		}
		catch (URISyntaxException ex) {
			throw new InvalidFieldException("url", "is not a valid URL: " + ex.getReason());
		}
	}

	/** 32 random bytes, hex: as strong as the HMAC-SHA256 key it is. */
	private static String generatedSecret() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return "whsec_" + HexFormat.of().formatHex(bytes);
	}

}
