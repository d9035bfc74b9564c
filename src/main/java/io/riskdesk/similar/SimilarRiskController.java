package io.riskdesk.similar;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Similar past risks")
class SimilarRiskController {

	private final SimilarPastRisks similar;

	SimilarRiskController(SimilarPastRisks similar) {
		this.similar = similar;
	}

	@GetMapping("/api/risks/{key}/similar")
	@Operation(summary = "The five resolved or closed risks most like this one, best first (full-text rank over title, "
			+ "description, evidence and root cause, title similarity, same category weighted up), each with its root "
			+ "cause, corrective action plan (done milestones first), time to resolve and outcome")
	List<SimilarRisk> list(@PathVariable String key) {
		return similar.of(key);
	}

}
