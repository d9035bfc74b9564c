package io.riskdesk.similar;

import io.riskdesk.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The "similar past risks" panel of a risk's page, loaded by htmx like the plan panel; read-only. */
@Controller
class SimilarRiskPanel {

	private final SimilarPastRisks similar;

	SimilarRiskPanel(SimilarPastRisks similar) {
		this.similar = similar;
	}

	@GetMapping("/risks/{key}/similar")
	String show(@PathVariable String key, Model model, HttpServletRequest request) {
		model.addAttribute("riskKey", key);
		model.addAttribute("similarRisks", similar.of(key));
		return Htmx.view(request, "similar/panel", "panel");
	}

}
