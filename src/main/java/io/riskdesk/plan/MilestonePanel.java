package io.riskdesk.plan;

import java.security.Principal;
import java.time.LocalDate;

import io.riskdesk.web.Htmx;
import io.riskdesk.web.Inputs;
import io.riskdesk.web.PanelActions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The corrective action plan panel of a risk's page, loaded by htmx like the SLA panel (the risk
 * page cannot depend on this module): the milestones, a form to add one, and "done" buttons.
 */
@Controller
@RequestMapping("/risks/{key}/plan")
class MilestonePanel {

	private final CorrectiveActionPlans plans;

	private final Validator validator;

	MilestonePanel(CorrectiveActionPlans plans, Validator validator) {
		this.plans = plans;
		this.validator = validator;
	}

	@GetMapping
	String show(@PathVariable String key, Model model, HttpServletRequest request) {
		return render(key, model, request);
	}

	@PostMapping
	String add(@PathVariable String key, @RequestParam(required = false) String title,
			@RequestParam(required = false) String owner,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due, Principal user,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		return act(key, () -> plans.add(key, Inputs.requireValid(validator, new NewMilestone(title, owner, due)), user.getName()),
				"Milestone added.", model, request, response);
	}

	@PostMapping("/{id}/done")
	String done(@PathVariable String key, @PathVariable long id, Principal user, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		return act(key, () -> plans.complete(key, id, user.getName()), "Milestone done.", model, request, response);
	}

	private String act(String key, Runnable action, String done, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		// The SLA panel listens for this to show the milestone's clock (after a refusal it just reloads).
		response.setHeader("HX-Trigger", "planChanged");
		PanelActions.run(action, done, model, response);
		return render(key, model, request);
	}

	private String render(String key, Model model, HttpServletRequest request) {
		model.addAttribute("riskKey", key);
		model.addAttribute("milestones", plans.of(key));
		model.addAttribute("planOpen", plans.isOpen(key));
		return Htmx.view(request, "plan/milestones", "panel");
	}

}
