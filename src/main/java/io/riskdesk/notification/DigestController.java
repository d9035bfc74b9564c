package io.riskdesk.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications")
class DigestController {

	private final WeeklyDigests digests;

	DigestController(WeeklyDigests digests) {
		this.digests = digests;
	}

	@PostMapping("/api/notifications/digests/run")
	@Operation(summary = "Queues this week's digests now (ADMIN): one e-mail per risk owner and account manager, once "
			+ "per ISO week in the digest's zone; returns the week and how many were queued (0 when the week's were "
			+ "queued before)")
	WeeklyDigests.Run run() {
		return digests.runNow();
	}

	@GetMapping("/api/notifications/digests/preview")
	@Operation(summary = "This week's digest for one person as it would be sent: subject, plain text and HTML (ADMIN, "
			+ "CS_MANAGER, CS_LEADER); an empty digest for a person with no open risks to hear of; 404 for an unknown "
			+ "person")
	WeeklyDigests.Preview preview(@Parameter(description = "the directory person") @RequestParam long personId) {
		return digests.preview(personId);
	}

}
