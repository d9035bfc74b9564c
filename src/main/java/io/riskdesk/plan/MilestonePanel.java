package io.riskdesk.plan;

import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.riskdesk.core.ConflictException;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.web.FormErrors;
import io.riskdesk.web.Htmx;
import io.riskdesk.web.Inputs;
import io.riskdesk.web.Labels;
import io.riskdesk.web.PanelActions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The corrective action plan panel of a risk's page, loaded by htmx like the SLA panel (the risk
 * page cannot depend on this module): the milestones and prevention items in their order with
 * up/down buttons, a form to add one, start/done/drop buttons, the edit form of one milestone
 * ({@code ?edit=id}), and the CAP template of the risk's category with its preview before it is
 * applied. An edit carries the version it was rendered
 * with: one based on an older version gets 409 with the milestone as it now is above what the
 * user typed.
 */
@Controller
@RequestMapping("/risks/{key}/plan")
class MilestonePanel {

	private static final String STALE = "Not saved: this milestone was changed by someone else meanwhile. "
			+ "Its row shows it as it is now; check it and save your change again if it still applies.";

	private final CorrectiveActionPlans plans;

	private final CapTemplates templates;

	private final Validator validator;

	MilestonePanel(CorrectiveActionPlans plans, CapTemplates templates, Validator validator) {
		this.plans = plans;
		this.templates = templates;
		this.validator = validator;
	}

	@GetMapping
	String show(@PathVariable String key, @RequestParam(required = false) Long edit, Model model,
			HttpServletRequest request) {
		if (edit != null) {
			editing(MilestoneEditForm.of(plans.get(key, edit)), edit, Map.of(), model);
		}
		return render(key, model, request);
	}

	@PostMapping
	String add(@PathVariable String key, @RequestParam(required = false) String title,
			@RequestParam(required = false) String owner,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due,
			@RequestParam(required = false) String successCriterion, Principal user, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		boolean planRecorded = plans.isPlanRecorded(key);
		String view = act(key, () -> plans.add(key, Inputs.requireValid(validator,
				new NewMilestone(title, owner, null, due, successCriterion)), user.getName()),
				"Milestone added.", model, request, response);
		reloadIfPlanStarted(key, planRecorded, response);
		return view;
	}

	@PostMapping("/{id}")
	String change(@PathVariable String key, @PathVariable long id, @ModelAttribute("edit") MilestoneEditForm form,
			BindingResult binding, Principal user, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		// The SLA panel listens for this to show the milestone's clock as it now is.
		response.setHeader("HX-Trigger", "planChanged");
		Map<String, String> errors = new LinkedHashMap<>(FormErrors.first(FormErrors.of(binding),
				FormErrors.of(validator.validate(form.toMilestone()))));
		// The form has no directory picker: its owner is the text typed (matched against the directory).
		if (form.owner() == null || form.owner().isBlank()) {
			errors.putIfAbsent("owner", "is required");
		}
		if (!errors.isEmpty()) {
			response.setStatus(422);
			message(model, "error", "Not saved: please correct the fields marked below.");
			editing(form, id, errors, model);
			return render(key, model, request);
		}
		try {
			plans.change(key, id, form.version(), form.toUpdate(), user.getName());
			message(model, "success", "Milestone changed.");
		}
		catch (ConflictException ex) {
			// Versions.check names the current version: that conflict is a stale form, the other a closed risk.
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			if (ex.properties().containsKey("currentVersion")) {
				return stale(key, id, form, model, request);
			}
			message(model, "error", "Not saved: " + ex.getMessage());
		}
		catch (OptimisticLockingFailureException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return stale(key, id, form, model, request);
		}
		return render(key, model, request);
	}

	/** What the template would create, shown in the panel with its "Apply" button; nothing is written. */
	@GetMapping("/template")
	String previewTemplate(@PathVariable String key, @RequestParam(required = false) RiskCategory category, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		try {
			model.addAttribute("preview", templates.preview(key, category));
		}
		catch (InvalidFieldException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			message(model, "error", "Cannot use the template: " + Labels.fieldProblem(ex.field(), ex.reason()));
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			message(model, "error", "Cannot use the template: " + ex.getMessage());
		}
		return render(key, model, request);
	}

	@PostMapping("/template")
	String applyTemplate(@PathVariable String key, @RequestParam(required = false) RiskCategory category,
			Principal user, Model model, HttpServletRequest request, HttpServletResponse response) {
		response.setHeader("HX-Trigger", "planChanged");
		boolean planRecorded = plans.isPlanRecorded(key);
		AtomicReference<AppliedTemplate> applied = new AtomicReference<>();
		// No fixed success message: it says how many milestones were added and who took unfilled roles.
		PanelActions.run(() -> applied.set(templates.apply(key, category, user.getName())), null, model, response);
		if (applied.get() != null) {
			message(model, "success", appliedMessage(applied.get()));
		}
		reloadIfPlanStarted(key, planRecorded, response);
		return render(key, model, request);
	}

	/**
	 * A plan's first milestones record CREATE_CAP on the risk: htmx reloads the whole page, so its
	 * triage steps show it and its forms send the risk's new version instead of failing as stale.
	 */
	private void reloadIfPlanStarted(String key, boolean planRecordedBefore, HttpServletResponse response) {
		if (!planRecordedBefore && plans.isPlanRecorded(key)) {
			response.setHeader("HX-Refresh", "true");
		}
	}

	private static String appliedMessage(AppliedTemplate applied) {
		String added = applied.milestones().size() + " milestones added from the " + Labels.of(applied.category())
				+ " template.";
		return applied.unfilledRoles().isEmpty() ? added
				: added + " Nobody fills " + Labels.all(applied.unfilledRoles()) + " in the account team: "
						+ applied.fallbackOwner() + ", the risk's owner, has those.";
	}

	@PostMapping("/{id}/done")
	String done(@PathVariable String key, @PathVariable long id, Principal user, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		return act(key, () -> plans.complete(key, id, user.getName()), "Milestone done.", model, request, response);
	}

	/** Start, finish or drop (with a reason) the milestone at the version the panel showed. */
	@PostMapping("/{id}/status")
	String status(@PathVariable String key, @PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) MilestoneStatus status, @RequestParam(required = false) String reason,
			Principal user, Model model, HttpServletRequest request, HttpServletResponse response) {
		return act(key, () -> plans.changeStatus(key, id, version, status, reason, user.getName()),
				status == MilestoneStatus.DOING ? "Milestone started." : "Milestone " + Labels.of(status).toLowerCase(Locale.ROOT) + ".",
				model, request, response);
	}

	/** Moves the milestone one place up or down the list. */
	@PostMapping("/{id}/move")
	String move(@PathVariable String key, @PathVariable long id, @RequestParam boolean up, Principal user, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		return act(key, () -> {
			List<Long> ids = new ArrayList<>(plans.of(key).stream().map(Milestone::id).toList());
			int from = ids.indexOf(plans.get(key, id).id());
			int to = up ? from - 1 : from + 1;
			if (to >= 0 && to < ids.size()) {
				Collections.swap(ids, from, to);
				plans.reorder(key, ids, user.getName());
			}
		}, "Milestone moved.", model, request, response);
	}

	private String act(String key, Runnable action, String done, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		// The SLA panel listens for this to show the milestone's clock (after a refusal it just reloads).
		response.setHeader("HX-Trigger", "planChanged");
		PanelActions.run(action, done, model, response);
		return render(key, model, request);
	}

	private String stale(String key, long id, MilestoneEditForm form, Model model, HttpServletRequest request) {
		message(model, "conflict", STALE);
		editing(form.rebased(plans.get(key, id).version()), id, Map.of(), model);
		return render(key, model, request);
	}

	private static void editing(MilestoneEditForm form, long id, Map<String, String> errors, Model model) {
		model.addAttribute("editing", id);
		model.addAttribute("edit", form);
		model.addAttribute("errors", errors);
	}

	private static void message(Model model, String kind, String text) {
		model.addAttribute("message", text);
		model.addAttribute("messageKind", kind);
	}

	private String render(String key, Model model, HttpServletRequest request) {
		model.addAttribute("riskKey", key);
		model.addAttribute("milestones", plans.of(key));
		boolean open = plans.isOpen(key);
		model.addAttribute("planOpen", open);
		model.addAttribute("template", open ? templates.offeredFor(key) : null);
		return Htmx.view(request, "plan/milestones", "panel");
	}

}
