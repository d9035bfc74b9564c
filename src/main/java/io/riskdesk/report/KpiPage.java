package io.riskdesk.report;

import java.util.stream.Stream;

import io.riskdesk.account.PickLists;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import jakarta.validation.Valid;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** The KPI report page: the filters as a GET form, so the URL carries them; charts and tables; CSV links. */
@Controller
class KpiPage {

	private final KpiReport report;

	private final PickLists pickLists;

	private final JsonMapper json;

	KpiPage(KpiReport report, PickLists pickLists, JsonMapper json) {
		this.report = report;
		this.pickLists = pickLists;
		this.json = json;
	}

	@GetMapping("/reports/kpis")
	String page(@Valid @ModelAttribute KpiQuery query, Model model) {
		KpiFilter filter = report.filter(query);
		Kpis kpis = Kpis.of(report, filter);
		model.addAttribute("kpis", kpis);
		// The charts draw from the same figures as the tables, as the API's JSON.
		model.addAttribute("kpisJson", json.writeValueAsString(kpis));
		model.addAttribute("filter", filter);
		model.addAttribute("severities", Severity.values());
		model.addAttribute("categories", RiskCategory.values());
		model.addAttribute("accounts", pickLists.accounts());
		model.addAttribute("people", pickLists.people());
		model.addAttribute("tables", Stream.of(KpiTable.values()).map(KpiTable::fileName).toList());
		return "report/kpis";
	}

	/** The same CSV as the API's, for the signed-in browser (the API does not read the session). */
	@GetMapping("/reports/kpis/{table}.csv")
	ResponseEntity<String> csv(@PathVariable String table, @Valid @ModelAttribute KpiQuery query) {
		return KpiController.csvOf(report, table, query);
	}

}
