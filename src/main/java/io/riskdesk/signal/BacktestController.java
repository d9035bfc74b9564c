package io.riskdesk.signal;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Playbook")
class BacktestController {

	private final PolicyBacktest backtest;

	BacktestController(PolicyBacktest backtest) {
		this.backtest = backtest;
	}

	/**
	 * @param detection keys of playbook.yml's detection section (kebab-case) to change; the rest stays as in force
	 * @param accountIds the accounts to compare, all when absent
	 */
	record BacktestRequest(JsonNode detection, LocalDate from, LocalDate to, List<Long> accountIds) {
	}

	@PostMapping("/api/playbook/backtest")
	@Operation(summary = "What an alternative detection section would have found over a range of days, against the "
			+ "one in force: per account and category the first day each finds something, and a summary. Writes nothing")
	BacktestResult backtest(@RequestBody BacktestRequest request) {
		return backtest.run(request.detection(), request.from(), request.to(), request.accountIds());
	}

}
