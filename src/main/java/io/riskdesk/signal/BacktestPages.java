package io.riskdesk.signal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.riskdesk.core.InvalidFieldsException;
import io.riskdesk.playbook.DetectionSection;
import io.riskdesk.playbook.Severity;
import io.riskdesk.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The backtest page: the thresholds and severities of the detection section, pre-filled with the
 * values in force, and a range of days; then what changes against the section in force.
 */
@Controller
class BacktestPages {

	/** One input: a key of the detection section ({@code adoption.usage-drop.percent}) and the value shown. */
	record Threshold(String key, String label, String value, boolean severity) {
	}

	private final PolicyBacktest backtest;

	private final DetectionSection section;

	private final Clock clock;

	BacktestPages(PolicyBacktest backtest, DetectionSection section, Clock clock) {
		this.backtest = backtest;
		this.section = section;
		this.clock = clock;
	}

	@GetMapping("/playbook/backtest")
	String page(Model model) {
		LocalDate today = LocalDate.now(clock);
		return page(editable(), today.minusDays(89).toString(), today.toString(), Map.of(), model);
	}

	/** Each input is checked, and the section and range with it, so every error shows at once. */
	@PostMapping("/playbook/backtest")
	String run(@RequestParam Map<String, String> params, HttpServletResponse response, Model model) {
		Map<String, String> entered = new LinkedHashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		ObjectNode changes = JsonNodeFactory.instance.objectNode();
		editable().forEach((key, inForce) -> {
			// As in the API, a key not sent keeps its value in force.
			String value = params.getOrDefault(key, inForce).strip();
			entered.put(key, value);
			if (key.endsWith(".severity")) {
				put(changes, key, JsonNodeFactory.instance.stringNode(value));
			}
			else {
				try {
					put(changes, key, JsonNodeFactory.instance.numberNode(Integer.parseInt(value)));
				}
				catch (NumberFormatException ex) {
					errors.put(key, "must be a whole number");
				}
			}
		});
		String from = params.getOrDefault("from", "").strip();
		String to = params.getOrDefault("to", "").strip();
		try {
			model.addAttribute("result", backtest.run(changes, date("from", from, errors), date("to", to, errors), null));
		}
		catch (InvalidFieldsException ex) {
			ex.reasons().forEach((field, reason) -> errors.putIfAbsent(field.replaceFirst("^detection\\.", ""), reason));
		}
		if (!errors.isEmpty()) {
			model.asMap().remove("result");
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		return page(entered, from, to, FormErrors.first(errors), model);
	}

	private String page(Map<String, String> values, String from, String to, Map<String, String> errors, Model model) {
		Map<String, List<Threshold>> sections = new LinkedHashMap<>();
		values.forEach((key, value) -> {
			int dot = key.indexOf('.');
			sections.computeIfAbsent(key.substring(0, dot), s -> new ArrayList<>())
				.add(new Threshold(key, key.substring(dot + 1).replace('.', ' ').replace('-', ' '), value,
						key.endsWith(".severity")));
		});
		model.addAttribute("sections", sections);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("errors", errors);
		model.addAttribute("severities", Severity.values());
		return "signal/backtest";
	}

	/** The numbers and severities of the section in force by key; lists and categories are not edited here. */
	private Map<String, String> editable() {
		Map<String, String> editable = new LinkedHashMap<>();
		section.values(section.inForce()).forEach((key, value) -> {
			if (key.endsWith(".severity") || value.matches("-?\\d+")) {
				editable.put(key, value);
			}
		});
		return editable;
	}

	private static void put(ObjectNode root, String key, JsonNode value) {
		String[] path = key.split("\\.");
		ObjectNode node = root;
		for (int i = 0; i < path.length - 1; i++) {
			node = node.has(path[i]) ? (ObjectNode) node.get(path[i]) : node.putObject(path[i]);
		}
		node.set(path[path.length - 1], value);
	}

	private static LocalDate date(String field, String value, Map<String, String> errors) {
		try {
			return value.isEmpty() ? null : LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "must be a date such as 2026-12-31");
			return null;
		}
	}

}
