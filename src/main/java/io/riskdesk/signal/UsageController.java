package io.riskdesk.signal;

import io.riskdesk.account.Accounts;
import io.riskdesk.core.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Signals")
class UsageController {

	private final UsageHistory usage;

	private final Accounts accounts;

	UsageController(UsageHistory usage, Accounts accounts) {
		this.usage = usage;
		this.accounts = accounts;
	}

	@GetMapping("/api/accounts/{id}/usage")
	@Operation(summary = "The account's WAU, MAU and active users per reported day over the last `days` days "
			+ "(1 to 731, default 180) ending on the latest day it reported usage")
	UsageSeries usage(@PathVariable long id, @RequestParam(defaultValue = "180") int days) {
		if (!accounts.exists(id)) {
			throw new NotFoundException("Account", id);
		}
		return usage.of(id, days);
	}

}
