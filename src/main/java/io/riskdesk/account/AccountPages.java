package io.riskdesk.account;

import java.util.Map;

import io.riskdesk.core.ConflictException;
import io.riskdesk.web.FormErrors;
import io.riskdesk.core.InvalidFieldException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Accounts as pages: the list, one account, and the new-account form ({@link AccountEditPage}
 * edits one). An account's risks come from the risk module, which the account page loads into
 * itself (this module does not know risks).
 */
@Controller
class AccountPages {

	private static final PageRequest EVERYONE = PageRequest.of(0, 1000, Sort.by("name"));

	private final Accounts accounts;

	private final PersonDirectory people;

	private final Validator validator;

	AccountPages(Accounts accounts, PersonDirectory people, Validator validator) {
		this.accounts = accounts;
		this.people = people;
		this.validator = validator;
	}

	@GetMapping("/accounts")
	String list(@PageableDefault(size = 50, sort = "name") Pageable pageable, Model model) {
		model.addAttribute("page", accounts.list(pageable));
		return "account/list";
	}

	@GetMapping("/accounts/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) String created,
			@RequestParam(required = false) String updated, Model model) {
		if (created != null || updated != null) {
			model.addAttribute("message", created != null ? "Account created." : "Changes saved.");
			model.addAttribute("messageKind", "success");
		}
		model.addAttribute("account", accounts.get(id));
		return "account/detail";
	}

	@GetMapping("/accounts/new")
	String newAccount(Model model) {
		return form(AccountPageForm.empty(), Map.of(), model);
	}

	@PostMapping("/accounts/new")
	String create(@ModelAttribute("form") AccountPageForm form, BindingResult binding, HttpServletResponse response,
			Model model) {
		// What did not bind, what the page itself reads, the record's rules, then the service's.
		AccountForm account = form.toAccountForm();
		Map<String, String> errors = FormErrors.first(FormErrors.of(binding), form.problems(),
				FormErrors.of(validator.validate(account)), accounts.problems(account));
		if (errors.isEmpty()) {
			try {
				return "redirect:/accounts/" + accounts.create(account).id() + "?created";
			}
			catch (InvalidFieldException ex) {
				errors = FormErrors.of(ex);
			}
			catch (ConflictException ex) {
				// The only conflict of a new account: its name is taken.
				errors = Map.of("name", ex.getMessage());
			}
		}
		response.setStatus(422);
		return form(form, errors, model);
	}

	private String form(AccountPageForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("segments", Segment.values());
		model.addAttribute("people", people.list(EVERYONE).getContent());
		return "account/new";
	}

}
