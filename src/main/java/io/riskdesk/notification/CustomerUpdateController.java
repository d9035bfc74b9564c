package io.riskdesk.notification;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications")
class CustomerUpdateController {

	private final CustomerUpdates updates;

	private final MessagePreviews previews;

	CustomerUpdateController(CustomerUpdates updates, MessagePreviews previews) {
		this.updates = updates;
		this.previews = previews;
	}

	@GetMapping("/api/risks/{key}/notifications/preview")
	@Operation(summary = "A message template rendered for the risk as it stands now, sent to nobody: {template, subject, "
			+ "text, html}, every value from the risk escaped in the HTML. customer-update renders as an update to the "
			+ "customer, any other template as the initial escalation. 400 for a name that is no template (or the "
			+ "weekly digest's), 404 for an unknown risk")
	MessagePreview preview(@PathVariable String key, @RequestParam(required = false) String template) {
		return previews.of(key, template);
	}

	@PostMapping("/api/risks/{key}/customer-updates/preview")
	@Operation(summary = "The customer update as its first recipient would read it, with the subject and message given "
			+ "and the recipients it would go to; the same checks as sending, nothing is queued")
	MessagePreview previewUpdate(@PathVariable String key, @Valid @RequestBody CustomerUpdate update) {
		return updates.preview(key, update);
	}

	@PostMapping("/api/risks/{key}/customer-updates")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Sends an update to the customer: one e-mail per recipient, queued in the outbox (202 with the "
			+ "queued messages) and recorded on the risk's timeline. recipients are e-mail addresses of the account's "
			+ "contacts (400 naming recipients[i] otherwise); left out, the escalation matrix's customer roles for the "
			+ "risk's severity. A repeated Idempotency-Key queues nothing new and answers the first send's messages. "
			+ "409 for a closed risk")
	List<Notification> send(@PathVariable String key, @Valid @RequestBody CustomerUpdate update,
			@Parameter(description = "makes a retried request the same update: at most one e-mail per recipient")
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Principal user) {
		return updates.send(key, update, idempotencyKey, user.getName());
	}

}
