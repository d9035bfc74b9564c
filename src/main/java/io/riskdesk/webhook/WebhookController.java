package io.riskdesk.webhook;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import io.riskdesk.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/webhooks")
@Tag(name = "Webhooks", description = "Outbound webhooks (admins only): subscriptions, their delivery logs, redelivery")
class WebhookController {

	private final WebhookSubscriptions webhooks;

	WebhookController(WebhookSubscriptions webhooks) {
		this.webhooks = webhooks;
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Subscribe a URL (http or https) to event types; without a secret one is generated. The "
			+ "answer is the only one that shows the secret: keep it to verify the Riskdesk-Signature header")
	ResponseEntity<WebhookSubscription> create(@Valid @RequestBody WebhookForm form) {
		WebhookSubscription created = webhooks.create(form);
		return ResponseEntity.created(URI.create("/api/admin/webhooks/" + created.id()))
			.eTag(Versions.etag(created.version()))
			.body(created);
	}

	@GetMapping
	@Operation(summary = "Every subscription, oldest first (without secrets)")
	List<WebhookSubscription> list() {
		return webhooks.list();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One subscription (without its secret), its version as ETag")
	ResponseEntity<WebhookSubscription> get(@PathVariable long id) {
		return withEtag(webhooks.get(id));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a subscription's URL, event types, description and enabled flag, and its secret when "
			+ "one is given (shown in this answer, once); requires If-Match with its version. Enabling it starts its "
			+ "count of failed deliveries from zero and sends the deliveries that waited")
	ResponseEntity<WebhookSubscription> update(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody WebhookForm form) {
		return withEtag(webhooks.update(id, Versions.required(ifMatch), form));
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a subscription and its delivery log; If-Match optional")
	ResponseEntity<Void> delete(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		webhooks.delete(id, Versions.optional(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/deliveries")
	@Operation(summary = "The subscription's delivery log, newest first: status, attempts, last response code and error")
	List<WebhookDelivery> deliveries(@PathVariable long id, @Parameter(description = "at most this many, 1 to 200")
	@RequestParam(defaultValue = "50") int limit) {
		return webhooks.deliveries(id, limit);
	}

	@GetMapping("/{id}/deliveries/{deliveryId}")
	@Operation(summary = "One delivery with the body it sends and every attempt (time, duration, response code, error)")
	WebhookDelivery.Details delivery(@PathVariable long id, @PathVariable UUID deliveryId) {
		return webhooks.delivery(id, deliveryId);
	}

	@ResponseStatus(HttpStatus.ACCEPTED)
	@PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
	@Operation(summary = "Send a delivery again with fresh attempts, the same body and Riskdesk-Delivery id; answers it, "
			+ "now PENDING. 409 while it is being sent or while the subscription is disabled")
	ResponseEntity<WebhookDelivery> redeliver(@PathVariable long id, @PathVariable UUID deliveryId, Principal user) {
		return ResponseEntity.accepted().body(webhooks.redeliver(id, deliveryId, user.getName()));
	}

	private static ResponseEntity<WebhookSubscription> withEtag(WebhookSubscription subscription) {
		return ResponseEntity.ok().eTag(Versions.etag(subscription.version())).body(subscription);
	}

}
