package io.riskdesk.sla;

import java.time.Duration;

import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.web.Htmx;
import io.riskdesk.web.Labels;
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

/**
 * The SLA clocks panel of a risk's page, loaded and refreshed by htmx (the risk page cannot
 * depend on this module): each clock with its due instant and a live countdown, pause and
 * resume. (The first response, which stops its clock, is an action of the risk panel around
 * it.) Answers as the risk page does: 200 when done, 422 for invalid input, 409 for a
 * conflict, each with the message in the panel.
 */
@Controller
@RequestMapping("/risks/{key}")
class SlaPanel {

	private final SlaClocks clocks;

	private final RiskRegister risks;

	SlaPanel(SlaClocks clocks, RiskRegister risks) {
		this.clocks = clocks;
		this.risks = risks;
	}

	@GetMapping("/clocks")
	String show(@PathVariable String key, Model model, HttpServletRequest request) {
		return render(key, model, request);
	}

	@PostMapping("/clocks/{kind}/pause")
	String pause(@PathVariable String key, @PathVariable ClockKind kind, @RequestParam(required = false) String reason,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		return act(key, () -> clocks.pause(key, kind, reason), Labels.of(kind) + " clock paused.", model, request, response);
	}

	@PostMapping("/clocks/{kind}/resume")
	String resume(@PathVariable String key, @PathVariable ClockKind kind, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return act(key, () -> clocks.resume(key, kind), Labels.of(kind) + " clock resumed.", model, request, response);
	}

	private String act(String key, Runnable action, String done, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		PanelActions.run(action, done, model, response);
		return render(key, model, request);
	}

	/** A duration as a person reads it: "3 h 05 min", "overdue by 1 day 2 h". */
	public static String words(Duration remaining) {
		Duration d = remaining.abs();
		String text = d.toDays() > 0 ? "%d d %d h".formatted(d.toDays(), d.toHoursPart())
				: "%d h %02d min".formatted(d.toHours(), d.toMinutesPart());
		return remaining.isNegative() ? "overdue by " + text : text;
	}

	private String render(String key, Model model, HttpServletRequest request) {
		RiskDetails risk = risks.get(key);
		model.addAttribute("risk", risk);
		model.addAttribute("clocks", clocks.clocksOf(key));
		return Htmx.view(request, "sla/clocks", "panel");
	}

}
