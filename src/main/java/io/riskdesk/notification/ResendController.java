package io.riskdesk.notification;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications")
class ResendController {

	private final FailedDeliveries failed;

	ResendController(FailedDeliveries failed) {
		this.failed = failed;
	}

	@PostMapping("/api/notifications/{id}/resend")
	@Operation(summary = "Queues a FAILED message again with fresh attempts, noted on its risk's timeline with who did "
			+ "it; answers the message, now PENDING. CS managers, CS leaders and admins only (403). 404 for an unknown "
			+ "id, 409 when the message is not failed")
	Notification resend(@PathVariable long id, Principal user) {
		return failed.resend(id, user.getName());
	}

}
