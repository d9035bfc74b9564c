package io.riskdesk.notification;

import io.riskdesk.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The "Who is notified" panel of a risk's page, loaded by htmx like the plan panel; read-only. */
@Controller
class RecipientPanel {

	private final EscalationRecipients recipients;

	RecipientPanel(EscalationRecipients recipients) {
		this.recipients = recipients;
	}

	@GetMapping("/risks/{key}/recipients")
	String show(@PathVariable String key, Model model, HttpServletRequest request) {
		model.addAttribute("recipients", recipients.of(key));
		return Htmx.view(request, "notification/recipients", "panel");
	}

}
