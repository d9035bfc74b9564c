package io.riskdesk.notification;

import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.riskdesk.core.ConflictException;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.core.InvalidFieldsException;
import io.riskdesk.core.NotFoundException;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskStatus;
import io.riskdesk.web.FormErrors;
import io.riskdesk.web.Htmx;
import io.riskdesk.web.Labels;
import io.riskdesk.web.PanelActions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The notifications panel of a risk's page, loaded by htmx like the recipients panel: the risk's
 * messages and how their delivery went, a preview of each template, "Resend" on failed messages
 * for managers, and the customer update written, previewed and sent in one form. The form carries
 * an idempotency key made when it was drawn, so a double click or a resubmitted form sends once.
 */
@Controller
@RequestMapping("/risks/{key}/notifications")
class NotificationPanel {

	private final Notifications notifications;

	private final CustomerUpdates updates;

	private final MessagePreviews previews;

	private final FailedDeliveries failed;

	private final RiskRegister risks;

	private final Validator validator;

	NotificationPanel(Notifications notifications, CustomerUpdates updates, MessagePreviews previews,
			FailedDeliveries failed, RiskRegister risks, Validator validator) {
		this.notifications = notifications;
		this.updates = updates;
		this.previews = previews;
		this.failed = failed;
		this.risks = risks;
		this.validator = validator;
	}

	/** The compose form as typed; {@code updateKey} is the idempotency key of the update it sends. */
	record UpdateForm(String subject, String message, List<String> recipients, String updateKey) {

		static UpdateForm of(CustomerUpdates.Draft draft) {
			return new UpdateForm(draft.subject(), draft.message(), draft.recipients(), UUID.randomUUID().toString());
		}

		CustomerUpdate update() {
			return new CustomerUpdate(subject, message, recipients);
		}

	}

	@GetMapping
	String show(@PathVariable String key, @RequestParam(required = false) String preview, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (preview != null) {
			try {
				model.addAttribute("templatePreview", previews.of(key, preview));
			}
			catch (InvalidFieldException ex) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				message(model, "error", "No preview: " + Labels.fieldProblem(ex.field(), ex.reason()));
			}
		}
		return render(key, null, Map.of(), model, request);
	}

	@PostMapping("/customer-update/preview")
	String previewUpdate(@PathVariable String key, @RequestParam(required = false) String subject,
			@RequestParam(required = false) String message, @RequestParam(required = false) List<String> recipients,
			@RequestParam(required = false) String updateKey, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		UpdateForm form = new UpdateForm(subject, message, recipients == null ? List.of() : recipients, updateKey);
		Map<String, String> errors = check(form, () -> model.addAttribute("updatePreview", updates.preview(key,
				form.update())));
		if (!errors.isEmpty()) {
			refuse(response, model, "Not previewed: please correct the fields marked below.");
		}
		return render(key, form, errors, model, request);
	}

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	@PostMapping("/customer-update")
	String sendUpdate(@PathVariable String key, @RequestParam(required = false) String subject,
			@RequestParam(required = false) String message, @RequestParam(required = false) List<String> recipients,
			@RequestParam(required = false) String updateKey, Principal user, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		UpdateForm form = new UpdateForm(subject, message, recipients == null ? List.of() : recipients, updateKey);
		List<Notification> sent = new ArrayList<>();
		Map<String, String> errors;
		try {
			errors = check(form, () -> sent.addAll(updates.send(key, form.update(), form.updateKey(), user.getName())));
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			message(model, "error", "Not sent: " + ex.getMessage());
			return render(key, form, Map.of(), model, request);
		}
		if (errors.containsKey(IDEMPOTENCY_KEY)) {
			// The form's hidden key, not a field anyone typed: said at the top, with a fresh form key.
			refuse(response, model, "Not sent: the form's key " + errors.get(IDEMPOTENCY_KEY)
					+ "; the form has a new one now, send again.");
			return render(key, new UpdateForm(subject, message, form.recipients(), UUID.randomUUID().toString()),
					Map.of(), model, request);
		}
		if (!errors.isEmpty()) {
			refuse(response, model, "Not sent: please correct the fields marked below.");
			return render(key, form, errors, model, request);
		}
		message(model, "success", "Customer update queued for " + String.join(", ",
				sent.stream().map(Notification::recipientName).toList()) + ".");
		return render(key, null, Map.of(), model, request);
	}

	@PostMapping("/{id}/resend")
	String resend(@PathVariable String key, @PathVariable long id, Principal user, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		PanelActions.run(() -> failed.resend(ofThisRisk(key, id), user.getName()), "Queued again.", model, response);
		return render(key, null, Map.of(), model, request);
	}

	/** The panel of one risk resends only that risk's messages. */
	private long ofThisRisk(String key, long id) {
		if (!key.equals(notifications.get(id).riskKey())) {
			throw new NotFoundException("Notification", id);
		}
		return id;
	}

	/** The form's own checks, then the action's: the fields refused, or none when it ran. */
	private Map<String, String> check(UpdateForm form, Runnable action) {
		Map<String, String> errors = new HashMap<>(FormErrors.of(validator.validate(form.update())));
		if (form.recipients().isEmpty()) {
			errors.put("recipients", "choose at least one");
		}
		if (!errors.isEmpty()) {
			return errors;
		}
		try {
			action.run();
			return Map.of();
		}
		catch (InvalidFieldException ex) {
			return FormErrors.of(ex);
		}
		catch (InvalidFieldsException ex) {
			Map<String, String> byField = new HashMap<>();
			ex.reasons().forEach((field, reason) -> byField.putIfAbsent(field.replaceAll("\\[\\d+]$", ""), reason));
			return byField;
		}
	}

	private static void refuse(HttpServletResponse response, Model model, String text) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		message(model, "error", text);
	}

	private static void message(Model model, String kind, String text) {
		model.addAttribute("message", text);
		model.addAttribute("messageKind", kind);
	}

	private String render(String key, UpdateForm form, Map<String, String> errors, Model model,
			HttpServletRequest request) {
		boolean closed = risks.get(key).status() == RiskStatus.CLOSED;
		model.addAttribute("riskKey", key);
		model.addAttribute("messages", notifications.ofRisk(key));
		model.addAttribute("templates", previews.templates());
		model.addAttribute("riskClosed", closed);
		if (!closed) {
			CustomerUpdates.Draft draft = updates.draft(key);
			model.addAttribute("contacts", draft.contacts());
			model.addAttribute("update", form != null ? form : UpdateForm.of(draft));
		}
		model.addAttribute("errors", errors);
		return Htmx.view(request, "notification/notifications", "panel");
	}

}
