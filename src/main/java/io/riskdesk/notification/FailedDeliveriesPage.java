package io.riskdesk.notification;

import java.security.Principal;

import io.riskdesk.core.ConflictException;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.core.NotFoundException;
import io.riskdesk.web.Labels;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The outbox for managers: failed deliveries first (any status on request), newest first, a page
 * at a time, each with its risk and a "Resend" button while it is failed.
 */
@Controller
@RequestMapping("/admin/notifications")
class FailedDeliveriesPage {

	static final int PAGE_SIZE = 25;

	private static final String ALL = "ALL";

	private final Notifications notifications;

	private final FailedDeliveries failed;

	FailedDeliveriesPage(Notifications notifications, FailedDeliveries failed) {
		this.notifications = notifications;
		this.failed = failed;
	}

	/** {@code status} ALL means every status; left out, the failed ones. */
	@GetMapping
	String list(@RequestParam(defaultValue = "FAILED") String status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		NotificationStatus filter = filter(status);
		model.addAttribute("status", filter);
		model.addAttribute("statuses", NotificationStatus.values());
		model.addAttribute("page", notifications.list(new NotificationQuery(filter, null, null, null),
				PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		return "notification/admin";
	}

	private static NotificationStatus filter(String status) {
		if (ALL.equals(status)) {
			return null;
		}
		try {
			return NotificationStatus.valueOf(status);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFieldException("status", "must be ALL, PENDING, SENDING, SENT or FAILED");
		}
	}

	@PostMapping("/{id}/resend")
	String resend(@PathVariable long id, @RequestParam(defaultValue = "FAILED") String status, Principal user,
			RedirectAttributes redirect) {
		try {
			Notification resent = failed.resend(id, user.getName());
			redirect.addFlashAttribute("message", "Queued again: the message to " + resent.recipientName() + " by "
					+ Labels.of(resent.channel()) + ".");
			redirect.addFlashAttribute("messageKind", "success");
		}
		catch (ConflictException | NotFoundException ex) {
			redirect.addFlashAttribute("message", "Not queued: " + ex.getMessage());
			redirect.addFlashAttribute("messageKind", "error");
		}
		redirect.addAttribute("status", filter(status) == null ? ALL : status);
		return "redirect:/admin/notifications";
	}

}
