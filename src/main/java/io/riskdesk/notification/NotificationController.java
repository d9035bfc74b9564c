package io.riskdesk.notification;

import java.util.List;

import io.riskdesk.playbook.Channel;
import io.riskdesk.playbook.NotificationTrigger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications")
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/api/notifications")
	@Operation(summary = "The outbox, newest first: every message queued by a trigger (or a digest, or a customer "
			+ "update) with its recipient, channel, status (PENDING, SENDING, SENT, FAILED), attempts, next attempt and "
			+ "last error. Filters: status, riskKey, trigger, channel")
	Page<Notification> list(@RequestParam(required = false) NotificationStatus status,
			@RequestParam(required = false) String riskKey, @RequestParam(required = false) NotificationTrigger trigger,
			@RequestParam(required = false) Channel channel, @PageableDefault(size = 50) Pageable pageable) {
		return notifications.list(new NotificationQuery(status, riskKey, trigger, channel), pageable);
	}

	@GetMapping("/api/notifications/{id}")
	@Operation(summary = "One message of the outbox; 404 when there is none with that id")
	Notification get(@PathVariable long id) {
		return notifications.get(id);
	}

	@GetMapping("/api/risks/{key}/notifications")
	@Operation(summary = "The messages about one risk, oldest first, with their delivery status; 404 for an unknown risk")
	List<Notification> ofRisk(@PathVariable String key) {
		return notifications.ofRisk(key);
	}

}
