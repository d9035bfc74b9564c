package io.riskdesk.credit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Service credits")
class SlaCreditController {

	private final SlaCredits credits;

	SlaCreditController(SlaCredits credits) {
		this.credits = credits;
	}

	@PostMapping("/api/sla-credits/calculate")
	@Operation(summary = "The service credit an SLA gives for a period's outages: uptime achieved, met or not, "
			+ "the tier that applies, the cap, the credit, and the arithmetic step by step. Stateless; nothing is stored")
	SlaCreditResult calculate(@Valid @RequestBody SlaCreditRequest request) {
		return credits.calculate(request);
	}

}
