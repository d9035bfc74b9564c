package io.riskdesk.plan;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/risks/{key}/milestones")
@Tag(name = "Corrective action plan")
class MilestoneController {

	private final CorrectiveActionPlans plans;

	MilestoneController(CorrectiveActionPlans plans) {
		this.plans = plans;
	}

	@GetMapping
	List<Milestone> list(@PathVariable String key) {
		return plans.of(key);
	}

	@PostMapping
	@Operation(summary = "Add a milestone (owner, task, due date); its SLA clock starts")
	ResponseEntity<Milestone> add(@PathVariable String key, @Valid @RequestBody NewMilestone milestone, Principal user) {
		Milestone added = plans.add(key, milestone, user.getName());
		return ResponseEntity.created(URI.create("/api/risks/" + key + "/milestones/" + added.id())).body(added);
	}

	@PostMapping("/{id}/done")
	@Operation(summary = "Mark a milestone done; its SLA clock is met")
	Milestone done(@PathVariable String key, @PathVariable long id, Principal user) {
		return plans.complete(key, id, user.getName());
	}

}
