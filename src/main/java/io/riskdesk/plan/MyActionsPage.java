package io.riskdesk.plan;

import java.security.Principal;

import io.riskdesk.web.Htmx;
import io.riskdesk.web.PanelActions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The "my actions" page: what the signed-in user owns across risks, with start and done buttons in place. */
@Controller
@RequestMapping("/my-actions")
class MyActionsPage {

	private final MyActions actions;

	private final CorrectiveActionPlans plans;

	MyActionsPage(MyActions actions, CorrectiveActionPlans plans) {
		this.actions = actions;
		this.plans = plans;
	}

	@GetMapping
	String show(Principal user, Model model, HttpServletRequest request) {
		return render(user, model, request);
	}

	/** Starts or finishes one of them, at the version the page showed (a stale page gets 409 and the list as it is). */
	@PostMapping("/{key}/{id}")
	String status(@PathVariable String key, @PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) MilestoneStatus status, Principal user, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		PanelActions.run(() -> plans.changeStatus(key, id, version, status, null, user.getName()),
				status == MilestoneStatus.DONE ? "Marked done." : "Started.", model, response);
		return render(user, model, request);
	}

	private String render(Principal user, Model model, HttpServletRequest request) {
		model.addAttribute("actions", actions.of(user.getName()));
		return Htmx.view(request, "plan/my-actions", "list");
	}

}
