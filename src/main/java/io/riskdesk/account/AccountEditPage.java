package io.riskdesk.account;

import java.util.Map;

import io.riskdesk.core.ConflictException;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.playbook.ContactRole;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.TeamRole;
import io.riskdesk.web.FormErrors;
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
 * Editing an account on a page of its own, as {@code PUT /api/accounts/{id}} does: its fields,
 * a person of the directory for every team role the escalation matrix names, and its customer
 * contacts. The form carries the version it was rendered with: a change based on an older one
 * gets 409 with the current data beside what the user typed, as the risk's edit page does.
 */
@Controller
@RequestMapping("/accounts/{id}/edit")
class AccountEditPage {

	private static final String STALE = "Not saved: this account was changed by someone else meanwhile. "
			+ "Below is the current version; check it and submit your change again if it still applies.";

	private final Accounts accounts;

	private final PickLists pickLists;

	private final Playbook playbook;

	private final Validator validator;

	AccountEditPage(Accounts accounts, PickLists pickLists, Playbook playbook, Validator validator) {
		this.accounts = accounts;
		this.pickLists = pickLists;
		this.playbook = playbook;
		this.validator = validator;
	}

	@GetMapping
	String edit(@PathVariable long id, Model model) {
		AccountDetails account = accounts.get(id);
		return form(account, AccountEditForm.of(account), Map.of(), model);
	}

	@PostMapping
	String save(@PathVariable long id, @ModelAttribute("form") AccountEditForm posted, BindingResult binding,
			HttpServletResponse response, Model model) {
		AccountEditForm form = posted.withoutEmptyRows();
		// What did not bind, what the page itself reads, the record's rules, then the service's.
		AccountForm account = form.toAccountForm();
		Map<String, String> errors = FormErrors.first(FormErrors.of(binding), form.problems(),
				FormErrors.of(validator.validate(account)), accounts.problems(account));
		if (errors.isEmpty()) {
			try {
				accounts.update(id, form.version(), account);
				return "redirect:/accounts/" + id + "?updated";
			}
			catch (InvalidFieldException ex) {
				errors = FormErrors.of(ex);
			}
			catch (ConflictException ex) {
				// Versions.check names the current version: that conflict is a stale form, the other a name taken.
				if (ex.properties().containsKey("currentVersion")) {
					return conflict(id, form, response, model);
				}
				errors = Map.of("name", ex.getMessage());
			}
			catch (OptimisticLockingFailureException ex) {
				return conflict(id, form, response, model);
			}
		}
		response.setStatus(422);
		model.addAttribute("message", "Not saved: please correct the fields marked below.");
		model.addAttribute("messageKind", "error");
		return form(accounts.get(id), form, errors, model);
	}

	private String conflict(long id, AccountEditForm form, HttpServletResponse response, Model model) {
		AccountDetails current = accounts.get(id);
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		model.addAttribute("message", STALE);
		model.addAttribute("messageKind", "conflict");
		model.addAttribute("current", current);
		return form(current, form.rebased(current.version()), Map.of(), model);
	}

	private String form(AccountDetails account, AccountEditForm form, Map<String, String> errors, Model model) {
		model.addAttribute("account", account);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("segments", Segment.values());
		model.addAttribute("calendars", playbook.calendars().keySet().stream().sorted().toList());
		model.addAttribute("teamRoles", TeamRole.values());
		model.addAttribute("contactRoles", ContactRole.values());
		model.addAttribute("people", pickLists.people());
		return "account/edit";
	}

}
