package io.riskdesk.concession;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import io.riskdesk.account.Money;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.credit.MeasurementPeriod;
import io.riskdesk.credit.OutageScope;
import io.riskdesk.credit.SlaCredits;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.web.FormErrors;
import io.riskdesk.web.Htmx;
import io.riskdesk.web.Inputs;
import io.riskdesk.web.Labels;
import io.riskdesk.web.PanelActions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.springframework.security.core.Authentication;
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
 * The concessions panel of a risk's page, loaded by htmx like the plan panel: the concessions with
 * the totals approved and offered, a form to propose one, the moves each one's status allows (each
 * form carries the version it was rendered with), and the service-credit calculator, whose result
 * can be proposed as a service credit. Also the concessions of an account, for the account page.
 */
@Controller
class ConcessionPanel {

	private final Concessions concessions;

	private final RiskRegister risks;

	private final SlaCredits credits;

	private final Validator validator;

	private final Clock clock;

	ConcessionPanel(Concessions concessions, RiskRegister risks, SlaCredits credits, Validator validator, Clock clock) {
		this.concessions = concessions;
		this.risks = risks;
		this.credits = credits;
		this.validator = validator;
		this.clock = clock;
	}

	@GetMapping("/risks/{key}/concessions")
	String show(@PathVariable String key, Authentication user, Model model, HttpServletRequest request) {
		return render(key, user, model, request);
	}

	@PostMapping("/risks/{key}/concessions")
	String propose(@PathVariable String key, @RequestParam(required = false) ConcessionKind kind,
			@RequestParam(required = false) String description, @RequestParam(required = false) BigDecimal amount,
			@RequestParam(required = false) Currency currency, @RequestParam(required = false) BigDecimal percentOfFees,
			Authentication user, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		PanelActions.run(() -> concessions.propose(key, Inputs.requireValid(validator,
				new NewConcession(kind, description, amount, currency, percentOfFees, null)), user.getName()),
				"Concession proposed; it awaits approval.", model, response);
		return render(key, user, model, request);
	}

	@PostMapping("/risks/{key}/concessions/{id}/move")
	String move(@PathVariable String key, @PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) ConcessionStatus to, @RequestParam(required = false) String reason,
			Authentication user, Model model, HttpServletRequest request, HttpServletResponse response) {
		PanelActions.run(() -> {
			if (version == null) {
				throw new InvalidFieldException("version", "is required: reload the page");
			}
			concessions.move(key, id, version, Inputs.requireValid(validator, new ConcessionMove(to, reason)),
					user.getName(), SignedIn.role(user));
		}, to == null ? "Done." : "Concession " + Labels.of(to).toLowerCase() + ".", model, response);
		return render(key, user, model, request);
	}

	/** Computes the credit and shows it with its steps; nothing is stored until it is proposed. */
	@PostMapping("/risks/{key}/concessions/sla-credit")
	String calculate(@PathVariable String key, @ModelAttribute("credit") CreditForm form, BindingResult binding,
			Authentication user, Model model, HttpServletRequest request, HttpServletResponse response) {
		Map<String, String> errors = FormErrors.of(binding);
		if (errors.isEmpty()) {
			try {
				model.addAttribute("result", credits.calculate(Inputs.requireValid(validator, form.toRequest())));
			}
			catch (InvalidFieldException ex) {
				errors = FormErrors.of(ex);
			}
		}
		if (!errors.isEmpty()) {
			response.setStatus(422);
			model.addAttribute("creditErrors", errors);
		}
		model.addAttribute("creditOpen", true);
		return render(key, user, model, request);
	}

	@GetMapping("/accounts/{id}/concessions")
	String ofAccount(@PathVariable long id, Model model) {
		List<Concession> list = concessions.ofAccount(id);
		model.addAttribute("accountId", id);
		model.addAttribute("concessions", list);
		model.addAttribute("totals", ConcessionTotals.of(list));
		return "concession/account-concessions";
	}

	private String render(String key, Authentication user, Model model, HttpServletRequest request) {
		List<Concession> list = concessions.of(key);
		model.addAttribute("riskKey", key);
		model.addAttribute("concessions", list);
		model.addAttribute("totals", ConcessionTotals.of(list));
		model.addAttribute("open", concessions.isOpen(key));
		model.addAttribute("decides", concessions.approves(SignedIn.role(user)));
		model.addAttribute("kinds", ConcessionKind.values());
		model.addAttribute("periods", MeasurementPeriod.values());
		model.addAttribute("scopes", OutageScope.values());
		if (!model.containsAttribute("credit")) {
			Money arr = risks.get(key).arrAtRisk();
			Currency currency = arr == null ? null : arr.currency();
			LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
			model.addAttribute("credit", CreditForm.initial(currency, today.withDayOfMonth(1)));
		}
		if (!model.containsAttribute("creditErrors")) {
			model.addAttribute("creditErrors", Map.of());
		}
		return Htmx.view(request, "concession/concessions", "panel");
	}

}
