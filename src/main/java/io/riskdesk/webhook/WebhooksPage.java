package io.riskdesk.webhook;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.riskdesk.core.ConflictException;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/webhooks} for admins: the subscriptions with a form to add one (its secret shown
 * once, on the page that follows), and per subscription its panel: enable or disable it, delete
 * it, and its delivery log with a button to send a delivery again. The panel's buttons work with
 * htmx (the panel is swapped in place) and without (a redirect back).
 */
@Controller
@RequestMapping("/admin/webhooks")
class WebhooksPage {

	static final int LOG_LINES = 50;

	private final WebhookSubscriptions webhooks;

	private final Validator validator;

	WebhooksPage(WebhookSubscriptions webhooks, Validator validator) {
		this.webhooks = webhooks;
		this.validator = validator;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("subscriptions", webhooks.list());
		model.addAttribute("eventTypes", WebhookEventType.values());
		return "webhook/list";
	}

	/** A bad field shows the form again with the reason, 400; nothing is created. */
	@PostMapping
	String create(@RequestParam(defaultValue = "") String url,
			@RequestParam(required = false) Set<WebhookEventType> eventTypes,
			@RequestParam(required = false) String description, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		WebhookForm form = new WebhookForm(url, eventTypes == null ? Set.of() : EnumSet.copyOf(eventTypes), null, true,
				description);
		try {
			List<ConstraintViolation<WebhookForm>> violations = List.copyOf(validator.validate(form));
			if (!violations.isEmpty()) {
				ConstraintViolation<WebhookForm> first = violations.get(0);
				throw new InvalidFieldException(first.getPropertyPath().toString(), first.getMessage());
			}
			WebhookSubscription created = webhooks.create(form);
			redirect.addFlashAttribute("secret", created.secret());
			redirect.addFlashAttribute("message", "Subscribed. Copy the secret now: it is not shown again.");
			redirect.addFlashAttribute("messageKind", "success");
			return "redirect:/admin/webhooks/" + created.id();
		}
		catch (InvalidFieldException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("message", "Not saved: " + ex.getMessage());
			model.addAttribute("messageKind", "error");
			model.addAttribute("form", form);
			return list(model);
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model, HttpServletRequest request) {
		model.addAttribute("subscription", webhooks.get(id));
		model.addAttribute("deliveries", webhooks.deliveries(id, LOG_LINES));
		return Htmx.view(request, "webhook/subscription", "panel");
	}

	/** Enables or disables the subscription as it was when the page showed it; a stale page gets 409 and the panel as it now is. */
	@PostMapping("/{id}/enabled")
	String enable(@PathVariable long id, @RequestParam int version, @RequestParam boolean enabled, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		WebhookSubscription current = webhooks.get(id);
		try {
			webhooks.update(id, version, new WebhookForm(current.url(), current.eventTypes(), null, enabled,
					current.description()));
			return done(id, enabled ? "Enabled: waiting deliveries go out now." : "Disabled: no new events are queued; deliveries queued before wait until it is enabled.",
					model, request, redirect);
		}
		catch (ConflictException ex) {
			return refused(id, ex, model, request, response, redirect);
		}
	}

	@PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
	String redeliver(@PathVariable long id, @PathVariable UUID deliveryId, Principal user, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			webhooks.redeliver(id, deliveryId, user.getName());
			return done(id, "Queued again.", model, request, redirect);
		}
		catch (ConflictException ex) {
			return refused(id, ex, model, request, response, redirect);
		}
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		webhooks.delete(id, null);
		redirect.addFlashAttribute("message", "Subscription deleted.");
		redirect.addFlashAttribute("messageKind", "success");
		return "redirect:/admin/webhooks";
	}

	private String done(long id, String message, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		if (Htmx.isHtmx(request)) {
			model.addAttribute("message", message);
			model.addAttribute("messageKind", "success");
			return show(id, model, request);
		}
		redirect.addFlashAttribute("message", message);
		redirect.addFlashAttribute("messageKind", "success");
		return "redirect:/admin/webhooks/" + id;
	}

	private String refused(long id, ConflictException ex, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (Htmx.isHtmx(request)) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("message", "Not done: " + ex.getMessage());
			model.addAttribute("messageKind", "error");
			return show(id, model, request);
		}
		redirect.addFlashAttribute("message", "Not done: " + ex.getMessage());
		redirect.addFlashAttribute("messageKind", "error");
		return "redirect:/admin/webhooks/" + id;
	}

}
