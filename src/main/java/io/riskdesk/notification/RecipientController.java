package io.riskdesk.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/risks/{key}/recipients")
@Tag(name = "Notifications")
class RecipientController {

	private final EscalationRecipients recipients;

	RecipientController(EscalationRecipients recipients) {
		this.recipients = recipients;
	}

	@GetMapping
	@Operation(summary = "Who is notified of the risk at its current severity: the escalation matrix's roles resolved "
			+ "into people (internal roles from the account team, customer roles from the account's contacts, "
			+ "Security/Legal for an INCIDENT or a risk flagged securityLegalApplicable) with their address per "
			+ "channel, and a gap for every role nobody fills or address a channel lacks. Computed on every read, so "
			+ "it follows severity, team and contact changes at once; nothing is sent. A risk without severity has no "
			+ "recipients and one gap; 404 for an unknown risk")
	RecipientList list(@PathVariable String key) {
		return recipients.of(key);
	}

}
