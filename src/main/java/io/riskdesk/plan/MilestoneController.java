package io.riskdesk.plan;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.riskdesk.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
		return ResponseEntity.created(URI.create("/api/risks/" + key + "/milestones/" + added.id()))
			.eTag(Versions.etag(added.version()))
			.body(added);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a milestone's title, owner or due date; requires If-Match with its version. "
			+ "A new due date moves its SLA clock while the clock counts")
	ResponseEntity<Milestone> change(@PathVariable String key, @PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody MilestoneUpdate update, Principal user) {
		Milestone changed = plans.change(key, id, Versions.required(ifMatch), update, user.getName());
		return ResponseEntity.ok().eTag(Versions.etag(changed.version())).body(changed);
	}

	@PostMapping("/{id}/done")
	@Operation(summary = "Mark a milestone done; its SLA clock is met")
	Milestone done(@PathVariable String key, @PathVariable long id, Principal user) {
		return plans.complete(key, id, user.getName());
	}

}
