package io.riskdesk.progress;

import java.security.Principal;

import io.riskdesk.web.Htmx;
import io.riskdesk.web.Inputs;
import io.riskdesk.web.PanelActions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The progress panel of a risk's page, loaded by htmx like the plan panel: the staleness badge,
 * a form to post an update with its health, and the updates, newest first.
 */
@Controller
@RequestMapping("/risks/{key}/progress")
class ProgressPanel {

	private final ProgressUpdates progress;

	private final Validator validator;

	ProgressPanel(ProgressUpdates progress, Validator validator) {
		this.progress = progress;
		this.validator = validator;
	}

	@GetMapping
	String show(@PathVariable String key, Model model, HttpServletRequest request) {
		return render(key, model, request);
	}

	@PostMapping
	String report(@PathVariable String key, @RequestParam(required = false) String text,
			@RequestParam(required = false) Health health, Principal user, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		PanelActions.run(() -> progress.report(key, Inputs.requireValid(validator, new NewProgressUpdate(text, health)),
				user.getName()), "Progress update posted.", model, response);
		return render(key, model, request);
	}

	private String render(String key, Model model, HttpServletRequest request) {
		model.addAttribute("progress", progress.of(key));
		model.addAttribute("progressOpen", progress.isOpen(key));
		model.addAttribute("healths", Health.values());
		return Htmx.view(request, "progress/updates", "panel");
	}

}
