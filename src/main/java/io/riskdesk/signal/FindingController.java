package io.riskdesk.signal;

import io.riskdesk.account.Accounts;
import io.riskdesk.core.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Signals")
class FindingController {

	private final FindingLog log;

	private final Accounts accounts;

	FindingController(FindingLog log, Accounts accounts) {
		this.log = log;
		this.accounts = accounts;
	}

	@GetMapping("/api/accounts/{id}/signals")
	@Operation(summary = "The account's active findings with their explanations, the severity they suggest, "
			+ "the playbook version in force, and the findings cleared in the last 90 days")
	FindingReport signals(@PathVariable long id) {
		if (!accounts.exists(id)) {
			throw new NotFoundException("Account", id);
		}
		return log.report(id);
	}

}
