package io.riskdesk.risk;

import java.security.Principal;
import java.util.Map;

import io.riskdesk.account.PickLists;
import io.riskdesk.playbook.Cadence;
import io.riskdesk.core.ConflictException;
import io.riskdesk.web.FormErrors;
import io.riskdesk.core.InvalidFieldException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Editing a risk's descriptive fields (title, description, co-owners, evidence, cadence) on a
 * page of its own, as {@code PATCH /api/risks/{key}} does. The form carries the version it was
 * rendered with: a change based on an older one gets 409 with the current data beside what the
 * user typed, as the risk page's forms do.
 */
@Controller
@RequestMapping("/risks/{key}/edit")
class RiskEditPage {

	private final RiskRegister risks;

	private final PickLists pickLists;

	private final Validator validator;

	RiskEditPage(RiskRegister risks, PickLists pickLists, Validator validator) {
		this.risks = risks;
		this.pickLists = pickLists;
		this.validator = validator;
	}

	@GetMapping
	String edit(@PathVariable String key, Model model) {
		RiskDetails risk = risks.get(key);
		if (risk.status() == RiskStatus.CLOSED) {
			model.addAttribute("message", "This risk is closed; a closed risk cannot be changed.");
			model.addAttribute("messageKind", "conflict");
		}
		return form(risk, RiskEditForm.of(risk), Map.of(), model);
	}

	@PostMapping
	String save(@PathVariable String key, @ModelAttribute("form") RiskEditForm form, BindingResult binding,
			Principal user, HttpServletResponse response, Model model) {
		RiskUpdate update = form.toUpdate();
		Map<String, String> errors = FormErrors.first(FormErrors.of(binding), FormErrors.of(validator.validate(update)));
		if (errors.isEmpty()) {
			try {
				risks.update(key, form.version(), update, user.getName());
				return "redirect:/risks/" + key + "?updated";
			}
			catch (InvalidFieldException ex) {
				errors = FormErrors.of(ex);
			}
			catch (ConflictException ex) {
				// Versions.check names the current version: that conflict is a stale form, the other a closed risk.
				return conflict(key, form, ex.properties().containsKey("currentVersion") ? RiskPage.STALE
						: ex.getMessage(), response, model);
			}
			catch (OptimisticLockingFailureException ex) {
				return conflict(key, form, RiskPage.STALE, response, model);
			}
		}
		response.setStatus(422);
		model.addAttribute("message", "Not saved: please correct the fields marked below.");
		model.addAttribute("messageKind", "error");
		return form(risks.get(key), form, errors, model);
	}

	private String conflict(String key, RiskEditForm form, String message, HttpServletResponse response, Model model) {
		RiskDetails current = risks.get(key);
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		model.addAttribute("message", message);
		model.addAttribute("messageKind", "conflict");
		model.addAttribute("current", current);
		return form(current, form.rebased(current.version()), Map.of(), model);
	}

	private String form(RiskDetails risk, RiskEditForm form, Map<String, String> errors, Model model) {
		model.addAttribute("risk", risk);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("people", pickLists.people());
		model.addAttribute("cadences", Cadence.values());
		return "risk/edit";
	}

}
