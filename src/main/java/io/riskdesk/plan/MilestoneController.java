package io.riskdesk.plan;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/risks/{key}/milestones")
@Tag(name = "Corrective action plan")
class MilestoneController {

	private final CorrectiveActionPlans plans;

	private final CapTemplates templates;

	MilestoneController(CorrectiveActionPlans plans, CapTemplates templates) {
		this.plans = plans;
		this.templates = templates;
	}

	/** Which CAP template to apply; without it, the risk's own category's. */
	record TemplateRequest(RiskCategory category) {
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

	@GetMapping("/template")
	@Operation(summary = "Preview a CAP template: the milestones applying it now would create (title, owner, due), "
			+ "and the account-team roles nobody fills (their milestones go to the risk's owner). Writes nothing")
	TemplatePlan previewTemplate(@PathVariable String key,
			@Parameter(description = "the template's category; default the risk's") @RequestParam(required = false) RiskCategory category) {
		return templates.preview(key, category);
	}

	@PostMapping("/template")
	@Operation(summary = "Apply a CAP template: one milestone per step, owners from the account team by role, due dates "
			+ "from now in the account's business calendar; all or nothing. 400 when the playbook has no template for "
			+ "the category, 409 on a closed risk or when a role is unfilled and the risk has no owner")
	ResponseEntity<AppliedTemplate> applyTemplate(@PathVariable String key,
			@RequestBody(required = false) TemplateRequest request, Principal user) {
		AppliedTemplate applied = templates.apply(key, request == null ? null : request.category(), user.getName());
		return ResponseEntity.created(URI.create("/api/risks/" + key + "/milestones")).body(applied);
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
