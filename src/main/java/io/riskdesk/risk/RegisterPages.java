package io.riskdesk.risk;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.riskdesk.account.PickLists;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.web.FormErrors;
import io.riskdesk.web.Labels;
import io.riskdesk.core.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.Validator;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register as pages: the filtered, sorted, paged table (its filters are GET parameters
 * bound to {@link RiskQuery}, so a view can be bookmarked), its CSV, the new-risk form and the
 * risks of one account for the account page.
 */
@Controller
class RegisterPages {

	private final RiskRegister risks;

	private final PickLists pickLists;

	private final Validator validator;

	private final ReportingMoney money;

	RegisterPages(RiskRegister risks, PickLists pickLists, Validator validator, ReportingMoney money) {
		this.risks = risks;
		this.pickLists = pickLists;
		this.validator = validator;
		this.money = money;
	}

	/**
	 * The register; a bare {@code /risks} is the default view, the unresolved risks, as a
	 * redirect to their filter so the page shows it checked and the URL can be changed from there.
	 */
	@GetMapping("/risks")
	String register(@Valid @ModelAttribute("query") RiskQuery query, BindingResult binding,
			@PageableDefault(size = 25) Pageable pageable, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		if (request.getParameterMap().isEmpty()) {
			return "redirect:" + RegisterLinks.UNRESOLVED;
		}
		model.addAttribute("links", new RegisterLinks(request, pageable));
		model.addAttribute("statusFilter", Stream.of(RiskStatus.values()).filter(query.status()::contains).toList());
		model.addAttribute("columns", RegisterLinks.COLUMNS);
		model.addAttribute("money", money);
		model.addAttribute("severities", Severity.values());
		model.addAttribute("statuses", RiskStatus.values());
		model.addAttribute("slaStatuses", SlaStatus.values());
		model.addAttribute("categories", RiskCategory.values());
		model.addAttribute("accounts", pickLists.accounts());
		model.addAttribute("people", pickLists.people());
		Map<String, String> errors = FormErrors.of(binding);
		if (errors.isEmpty()) {
			try {
				model.addAttribute("page", risks.list(query, pageable));
				return "risk/register";
			}
			catch (InvalidFieldException ex) {
				errors = FormErrors.of(ex);
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		if (binding.hasErrors()) {
			// The filters could not be bound at all: show the form empty, with the reasons.
			model.addAttribute("query", RiskQuery.all());
		}
		model.addAttribute("errors", errors);
		model.addAttribute("page", Page.empty(pageable));
		return "risk/register";
	}

	/** Every risk of the view the same parameters show on the page, in its order, not just one page. */
	@GetMapping("/risks.csv")
	void csv(@Valid RiskQuery query, Pageable pageable, HttpServletResponse response) throws IOException {
		// The first batch before any byte is written: a bad sort key still gets a clean 400 page.
		risks.list(query, PageRequest.of(0, 1, pageable.getSort()));
		response.setContentType("text/csv; charset=UTF-8");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"risks.csv\"");
		Writer out = response.getWriter();
		RegisterCsv.writeHeader(out);
		risks.forEach(query, pageable.getSort(), risk -> RegisterCsv.write(out, risk));
	}

	@GetMapping("/risks/new")
	String newRisk(@RequestParam(required = false) Long accountId, Model model) {
		return form(RiskForm.empty(accountId), Map.of(), model);
	}

	/**
	 * Logs the risk, unless its account has unresolved risks of its category: then, until the
	 * user confirms, nothing is logged and the form comes back listing them, to attach the report
	 * to one of them ({@code attachTo}) or to log it as a new risk anyway ({@code confirmed}).
	 */
	@PostMapping("/risks/new")
	String create(@ModelAttribute("form") RiskForm form, BindingResult binding,
			@RequestParam(required = false) String attachTo, @RequestParam(defaultValue = "false") boolean confirmed,
			Principal user, HttpServletResponse response, RedirectAttributes redirect, Model model) {
		NewRisk risk = form.toNewRisk();
		Map<String, String> errors = FormErrors.first(FormErrors.of(binding), FormErrors.of(validator.validate(risk)));
		if (errors.isEmpty()) {
			try {
				List<UnresolvedRisk> duplicates = risks.unresolved(risk.accountId(), risk.category());
				model.addAttribute("duplicates", duplicates);
				if (attachTo != null && duplicates.stream().anyMatch(d -> d.key().equals(attachTo))) {
					risks.attachReport(attachTo, null, new NewReport(risk.title(), risk.description(), risk.evidence()),
							user.getName());
					redirect.addFlashAttribute("messageKind", "success");
					redirect.addFlashAttribute("message",
							"Attached to " + attachTo + ": the report is on its timeline, its evidence on the risk.");
					return "redirect:/risks/" + attachTo;
				}
				if (attachTo != null) {
					// Closed meanwhile, or the account or category changed since the list was shown.
					response.setStatus(HttpServletResponse.SC_CONFLICT);
					return form(form, Map.of("attachTo", attachTo + " is not an unresolved " + Labels.of(risk.category())
							+ " risk of this account (any more); nothing was attached"), model);
				}
				if (!confirmed && !duplicates.isEmpty()) {
					return form(form, Map.of(), model);
				}
				return "redirect:/risks/" + risks.create(risk, RiskSource.MANUAL, user.getName()).key() + "?created";
			}
			catch (InvalidFieldException ex) {
				errors = FormErrors.of(ex);
			}
		}
		response.setStatus(422);
		return form(form, errors, model);
	}

	/** The account page loads this list of the account's risks with htmx. */
	@GetMapping("/accounts/{id}/risks")
	String accountRisks(@PathVariable long id, Model model) {
		Map<Boolean, List<RiskSummary>> unresolved = risks
			.list(new RiskQuery(null, null, null, null, null, id, null, null, null, null, null, null, null, null, null, null), PageRequest.of(0, 200))
			.stream()
			.collect(Collectors.partitioningBy(risk -> RiskStatus.UNRESOLVED.contains(risk.status())));
		model.addAttribute("accountId", id);
		model.addAttribute("unresolved", RiskStatus.UNRESOLVED);
		model.addAttribute("past", Set.of(RiskStatus.RESOLVED, RiskStatus.CLOSED));
		model.addAttribute("open", unresolved.get(true));
		model.addAttribute("closed", unresolved.get(false));
		return "risk/account-risks";
	}

	private String form(RiskForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		if (!model.containsAttribute("duplicates")) {
			model.addAttribute("duplicates", List.of());
		}
		model.addAttribute("errors", errors);
		model.addAttribute("severities", Severity.values());
		model.addAttribute("categories", RiskCategory.values());
		model.addAttribute("accounts", pickLists.accounts());
		model.addAttribute("people", pickLists.people());
		return "risk/new";
	}

}
