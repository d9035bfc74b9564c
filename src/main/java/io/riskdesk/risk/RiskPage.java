package io.riskdesk.risk;

import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.riskdesk.account.PickLists;
import io.riskdesk.playbook.Cadence;
import io.riskdesk.playbook.Severity;
import io.riskdesk.core.ConflictException;
import io.riskdesk.web.FormErrors;
import io.riskdesk.web.Htmx;
import io.riskdesk.web.Inputs;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.web.Labels;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One risk's page and the actions on it. Every form posts the version it was rendered with;
 * the service refuses a change based on an older one, and the page then shows the current
 * data with a "changed by someone else" message, keeping what the user typed.
 *
 * <p>htmx posts get the risk panel back to swap in: 200 when the change was made, 422 for
 * invalid input and 409 for a conflict, each with the message in the panel (the layout tells
 * htmx to swap 4xx answers). Posts without htmx get the whole page with the same status.
 */
@Controller
@RequestMapping("/risks/{key}")
class RiskPage {

	static final String STALE = "Not saved: this risk was changed by someone else meanwhile. "
			+ "Below is the current version; check it and submit your change again if it still applies.";

	private static final Set<TriageStep> MANUAL_STEPS = EnumSet.of(TriageStep.CREATE_CAP,
			TriageStep.NOTIFY_STAKEHOLDERS, TriageStep.SET_CADENCE);

	/** One of the five triage steps and, once recorded, when and by whom, with its note in words. */
	record StepRow(TriageStep step, RiskDetails.TriageStepView done, String note) {
	}

	private final RiskRegister risks;

	private final PickLists pickLists;

	private final Validator validator;

	RiskPage(RiskRegister risks, PickLists pickLists, Validator validator) {
		this.risks = risks;
		this.pickLists = pickLists;
		this.validator = validator;
	}

	@GetMapping
	String show(@PathVariable String key, @RequestParam(required = false) String created,
			@RequestParam(required = false) String updated, Model model) {
		if (created != null) {
			success(model, "Risk logged.");
		}
		if (updated != null) {
			success(model, "Changes saved.");
		}
		return render(risks.get(key), model);
	}

	@PostMapping("/triage")
	String triage(@PathVariable String key, @RequestParam int version, @RequestParam(required = false) Severity severity,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) String reason, Principal user,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		return act(key, "triage", "Triaged.", () -> risks.transition(key, version,
				new TransitionRequest(RiskStatus.TRIAGED, severity, ownerId, null, null, null, null, reason, null, null), user.getName()),
				request, response, model);
	}

	@PostMapping("/severity")
	String changeSeverity(@PathVariable String key, @RequestParam int version,
			@RequestParam(required = false) Severity severity, @RequestParam(required = false) String reason,
			Principal user, HttpServletRequest request, HttpServletResponse response, Model model) {
		return act(key, "severity", "Severity changed.",
				() -> risks.changeSeverity(key, version, new SeverityChange(severity, reason), user.getName()), request,
				response, model);
	}

	@PostMapping("/triage-steps")
	String recordTriageStep(@PathVariable String key, @RequestParam int version,
			@RequestParam(required = false) TriageStep step, @RequestParam(required = false) String note,
			@RequestParam(required = false) Cadence cadence, Principal user, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return act(key, "step", "Triage step recorded.", () -> {
			if (step == null) {
				throw new InvalidFieldException("step", "is required");
			}
			return risks.recordTriageStep(key, version, new TriageStepRequest(step, note, cadence), user.getName());
		}, request, response, model);
	}

	@PostMapping("/decisions")
	String addDecision(@PathVariable String key, @RequestParam int version, @RequestParam(required = false) String text,
			Principal user, HttpServletRequest request, HttpServletResponse response, Model model) {
		return act(key, "decision", "Decision recorded.",
				() -> risks.addDecision(key, version, text, user.getName()), request, response, model);
	}

	@PostMapping("/first-response")
	String recordFirstResponse(@PathVariable String key, @RequestParam int version,
			@RequestParam(required = false) String note, Principal user, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return act(key, "first-response", "First response recorded.",
				() -> risks.recordFirstResponse(key, version, note, user.getName()), request, response, model);
	}

	@PostMapping("/notifications")
	String recordNotification(@PathVariable String key, @RequestParam int version,
			@RequestParam(required = false) String text, Principal user, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return act(key, "notification", "Notification recorded.",
				() -> risks.recordNotification(key, version, text, user.getName()), request, response, model);
	}

	@PostMapping("/blockers")
	String raiseBlocker(@PathVariable String key, @RequestParam int version,
			@RequestParam(required = false) String description, Principal user, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return act(key, "blocker", "Blocker raised.",
				() -> risks.raiseBlocker(key, version, description, user.getName()), request, response, model);
	}

	@PostMapping("/blockers/{number}/clear")
	String clearBlocker(@PathVariable String key, @PathVariable int number, @RequestParam int version,
			@RequestParam(required = false) String resolution, Principal user, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return act(key, "clear-" + number, "Blocker #" + number + " cleared.",
				() -> risks.clearBlocker(key, version, number, resolution, user.getName()), request, response, model);
	}

	/**
	 * Every move of the workflow. Prevention items come as rows of text, owner and due date (the
	 * n-th value of each); a row left wholly blank is no item.
	 */
	@PostMapping("/transitions")
	String transition(@PathVariable String key, @RequestParam int version, @RequestParam RiskStatus to,
			@RequestParam(required = false) String rootCause,
			@RequestParam(required = false) List<String> preventionText,
			@RequestParam(required = false) List<String> preventionOwner,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) List<LocalDate> preventionDue,
			@RequestParam(required = false) Outcome outcome, @RequestParam(required = false) String summary,
			@RequestParam(required = false) String reason, @RequestParam(required = false) OpenWork.Choice openWork,
			@RequestParam(required = false) String duplicateOf, Principal user, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		List<RiskEvents.Prevention> prevention = preventionRows(preventionText, preventionOwner, preventionDue);
		String form = duplicateOf == null ? "to-" + to : "duplicate";
		String done = duplicateOf == null ? "Moved to " + Labels.of(to) + "."
				: "Closed as a duplicate of " + duplicateOf.strip() + ".";
		return act(key, form, done, () -> risks.transition(key, version, Inputs.requireValid(
				validator, new TransitionRequest(to, null, null, rootCause, prevention, outcome, summary, reason,
						openWork, duplicateOf)), user.getName()),
				request, response, model);
	}

	/** Rows up to the last one filled in, so that a row's message lands on that row; blank rows after it are unused. */
	private static List<RiskEvents.Prevention> preventionRows(List<String> texts, List<String> owners,
			List<LocalDate> dues) {
		List<RiskEvents.Prevention> rows = new ArrayList<>();
		int rowCount = Math.max(size(texts), Math.max(size(owners), size(dues)));
		for (int i = 0; i < rowCount; i++) {
			rows.add(new RiskEvents.Prevention(blankToNull(at(texts, i)), blankToNull(at(owners, i)), at(dues, i)));
		}
		while (!rows.isEmpty() && rows.get(rows.size() - 1).equals(new RiskEvents.Prevention(null, null, null))) {
			rows.remove(rows.size() - 1);
		}
		return rows;
	}

	private static int size(List<?> values) {
		return values == null ? 0 : values.size();
	}

	private static <T> T at(List<T> values, int i) {
		return i < size(values) ? values.get(i) : null;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	/**
	 * Runs one change and renders the risk as it now is. {@code form} names the form that was
	 * sent, so that form keeps its input and shows its errors when the change was refused.
	 */
	private String act(String key, String form, String done, Supplier<RiskDetails> change, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			RiskDetails risk = change.get();
			success(model, done);
			return view(risk, request, model);
		}
		catch (InvalidFieldException ex) {
			response.setStatus(422);
			problem(model, form, "error", "Not saved: " + Labels.fieldProblem(ex.field(), ex.reason()) + ".");
			model.addAttribute("errors", FormErrors.of(ex));
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			// Versions.check names the current version: that conflict is a stale form, the others are rules.
			problem(model, form, "conflict", ex.properties().containsKey("currentVersion") ? STALE : ex.getMessage());
		}
		catch (OptimisticLockingFailureException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			problem(model, form, "conflict", STALE);
		}
		return view(risks.get(key), request, model);
	}

	private String view(RiskDetails risk, HttpServletRequest request, Model model) {
		render(risk, model);
		return Htmx.view(request, "risk/detail", "panel");
	}

	private String render(RiskDetails risk, Model model) {
		Set<TriageStep> missingManual = EnumSet.noneOf(TriageStep.class);
		missingManual.addAll(risk.missingTriageSteps());
		missingManual.retainAll(MANUAL_STEPS);
		model.addAttribute("risk", risk);
		List<PickLists.Option> people = pickLists.people();
		Map<Long, String> names = people.stream().collect(Collectors.toMap(PickLists.Option::id, PickLists.Option::name));
		model.addAttribute("timeline", TimelineView.of(risks.timeline(risk.key()), names));
		model.addAttribute("people", people);
		model.addAttribute("severities", Severity.values());
		model.addAttribute("cadences", Cadence.values());
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("missingManualSteps", missingManual);
		// Before triage records it, notifying is a triage step; after, each escalation is owed one more.
		model.addAttribute("notificationAgain",
				risk.severity() != null && !risk.missingTriageSteps().contains(TriageStep.NOTIFY_STAKEHOLDERS));
		model.addAttribute("allowed", risk.allowedTransitions().stream().map(Enum::name).toList());
		model.addAttribute("steps", Stream.of(TriageStep.values())
			.map(step -> risk.triageSteps().stream().filter(s -> s.step() == step).findFirst()
				.map(done -> new StepRow(step, done, TimelineView.words(done.note(), names)))
				.orElse(new StepRow(step, null, null)))
			.toList());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "risk/detail";
	}

	private static void success(Model model, String message) {
		model.addAttribute("message", message);
		model.addAttribute("messageKind", "success");
	}

	private static void problem(Model model, String form, String kind, String message) {
		model.addAttribute("failed", form);
		model.addAttribute("message", message);
		model.addAttribute("messageKind", kind);
	}

}
