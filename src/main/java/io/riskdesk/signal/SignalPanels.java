package io.riskdesk.signal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.riskdesk.account.Accounts;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The panels this module adds to other modules' pages, which load them by htmx (the account
 * and risk modules cannot depend on this one): an account's usage chart, findings and a
 * "Run detection" button; a risk's "why this severity", from the findings that went to it.
 * Without htmx each is a page of its own.
 */
@Controller
class SignalPanels {

	/** The days of usage the account's chart shows. */
	static final int CHART_DAYS = 180;

	private final FindingLog log;

	private final UsageHistory usage;

	private final DetectionRuns runs;

	private final Accounts accounts;

	private final RiskRegister risks;

	private final JsonMapper json;

	private final Clock clock;

	SignalPanels(FindingLog log, UsageHistory usage, DetectionRuns runs, Accounts accounts, RiskRegister risks,
			JsonMapper json, Clock clock) {
		this.log = log;
		this.usage = usage;
		this.runs = runs;
		this.accounts = accounts;
		this.risks = risks;
		this.json = json;
		this.clock = clock;
	}

	/** A day findings fired on, marked on the chart: "sponsor-left S1; nps-detractor S2 (cleared)". */
	record Fired(LocalDate day, String text) {
	}

	@GetMapping("/accounts/{id}/signals")
	String account(@PathVariable long id, Model model, HttpServletRequest request) {
		return renderAccount(id, model, request);
	}

	/** Runs detection for this account as of today, as {@code POST /api/detection/run} does, and says what it did. */
	@PostMapping("/accounts/{id}/signals/run")
	String run(@PathVariable long id, Model model, HttpServletRequest request) {
		model.addAttribute("run", runs.run(LocalDate.now(clock), List.of(id)));
		return renderAccount(id, model, request);
	}

	@GetMapping("/risks/{key}/signals")
	String risk(@PathVariable String key, Model model, HttpServletRequest request) {
		RiskFindings findings = log.ofRisk(key);
		model.addAttribute("risk", risks.get(key));
		model.addAttribute("active", findings.active());
		model.addAttribute("cleared", findings.cleared());
		model.addAttribute("inForce", findings.playbookVersion());
		model.addAttribute("suggested", findings.suggestedSeverity());
		return Htmx.view(request, "signal/risk-signals", "panel");
	}

	private String renderAccount(long id, Model model, HttpServletRequest request) {
		model.addAttribute("account", accounts.get(id));
		FindingReport report = log.report(id);
		UsageSeries series = usage.of(id, CHART_DAYS);
		model.addAttribute("report", report);
		model.addAttribute("usage", series);
		model.addAttribute("chartDays", CHART_DAYS);
		model.addAttribute("usageJson", json.writeValueAsString(series));
		model.addAttribute("firedJson", json.writeValueAsString(fired(report, series)));
		return Htmx.view(request, "signal/account-signals", "panel");
	}

	/** The days within the chart that the account's findings, active and recently cleared, fired on. */
	private static List<Fired> fired(FindingReport report, UsageSeries series) {
		if (series.from() == null) {
			return List.of();
		}
		Map<LocalDate, String> byDay = new TreeMap<>();
		Stream.concat(report.active().stream(), report.recentlyCleared().stream())
			.filter(entry -> !entry.finding().firedOn().isBefore(series.from())
					&& !entry.finding().firedOn().isAfter(series.to()))
			.forEach(entry -> byDay.merge(entry.finding().firedOn(), label(entry), (a, b) -> a + "; " + b));
		return byDay.entrySet().stream().map(day -> new Fired(day.getKey(), day.getValue())).toList();
	}

	private static String label(FindingEntry entry) {
		return entry.finding().ruleId() + " " + entry.finding().severity() + (entry.clearedAt() == null ? "" : " (cleared)");
	}

}
