package io.riskdesk.signal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.riskdesk.account.Accounts;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.core.NotFoundException;
import io.riskdesk.core.SaneDate;
import io.riskdesk.risk.RiskRegister;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signals API: an account's findings and usage, a risk's findings, and detection on demand. */
@RestController
@Tag(name = "Signals")
class SignalController {

	private final FindingLog log;

	private final UsageHistory usage;

	private final DetectionRuns runs;

	private final Accounts accounts;

	private final RiskRegister risks;

	private final Clock clock;

	SignalController(FindingLog log, UsageHistory usage, DetectionRuns runs, Accounts accounts, RiskRegister risks,
			Clock clock) {
		this.log = log;
		this.usage = usage;
		this.runs = runs;
		this.accounts = accounts;
		this.risks = risks;
		this.clock = clock;
	}

	@GetMapping("/api/accounts/{id}/signals")
	@Operation(summary = "The account's active findings with their explanations, the severity they suggest, "
			+ "the playbook version in force, and the findings cleared in the last 90 days")
	FindingReport accountSignals(@PathVariable long id) {
		return log.report(requireAccount(id));
	}

	@GetMapping("/api/accounts/{id}/usage")
	@Operation(summary = "The account's WAU, MAU and active users per reported day over the last `days` days "
			+ "(1 to 731, default 180) ending on the latest day it reported usage")
	UsageSeries usage(@PathVariable long id, @RequestParam(defaultValue = "180") int days) {
		return usage.of(requireAccount(id), days);
	}

	@GetMapping("/api/risks/{key}/signals")
	@Operation(summary = "Why this severity: the findings that went to the risk, active and cleared, with their "
			+ "explanations, and the severity the active ones suggest")
	RiskFindings riskSignals(@PathVariable String key) {
		risks.requireExists(key);
		return log.ofRisk(key);
	}

	/** @param accountId one account, or every account when absent; @param asOf the day to look from, today when absent */
	record RunRequest(Long accountId, @SaneDate LocalDate asOf) {
	}

	@PostMapping("/api/detection/run")
	@Operation(summary = "Run detection now, for one account or all, as of a day (today by default): findings recorded, "
			+ "risks opened, attached, escalated and cleared findings noted, as the scheduled pass does")
	DetectionRun run(@Valid @RequestBody(required = false) RunRequest request) {
		RunRequest run = request == null ? new RunRequest(null, null) : request;
		LocalDate today = LocalDate.now(clock);
		if (run.asOf() != null && run.asOf().isAfter(today)) {
			throw new InvalidFieldException("asOf", "must not be after today (" + today + ")");
		}
		return runs.run(run.asOf() == null ? today : run.asOf(),
				run.accountId() == null ? null : List.of(requireAccount(run.accountId())));
	}

	private long requireAccount(long id) {
		if (!accounts.exists(id)) {
			throw new NotFoundException("Account", id);
		}
		return id;
	}

}
