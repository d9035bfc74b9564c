package io.riskdesk.plan;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import io.riskdesk.core.SaneDate;
import io.riskdesk.core.Text;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/risks/{key}")
@Tag(name = "Corrective action plan")
class MilestoneController {

	/** A status change: {@code reason} is required to drop. */
	record StatusChange(@NotNull MilestoneStatus status, @Text(max = Text.LINE) String reason) {
	}

	/** The risk's milestone ids in their new order. */
	record Order(@NotNull @Size(max = 500) List<@NotNull Long> ids) {
	}

	/** The body of the former action-item endpoint. */
	record ActionItem(@NotBlank @Text(max = Text.NAME) String owner, @NotBlank @Text(max = Text.TITLE) String task,
			@SaneDate LocalDate due) {
	}

	private final CorrectiveActionPlans plans;

	private final CapTemplates templates;

	MilestoneController(CorrectiveActionPlans plans, CapTemplates templates) {
		this.plans = plans;
		this.templates = templates;
	}

	/** Which CAP template to apply; without it, the risk's own category's. */
	record TemplateRequest(RiskCategory category) {
	}

	@GetMapping("/milestones")
	@Operation(summary = "The risk's milestones and prevention items, in the risk's order")
	List<Milestone> list(@PathVariable String key) {
		return plans.of(key);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/milestones")
	@Operation(summary = "Add a milestone (title, owner or ownerId, optional due date and success criterion), "
			+ "last in the list; its SLA clock starts when it has a due date")
	ResponseEntity<Milestone> add(@PathVariable String key, @Valid @RequestBody NewMilestone milestone, Principal user) {
		return created(key, plans.add(key, milestone, user.getName()));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/action-items")
	@Deprecated
	@Operation(deprecated = true, summary = "Former action items: adds a milestone (task is its title); "
			+ "use POST /api/risks/{key}/milestones")
	ResponseEntity<Milestone> addActionItem(@PathVariable String key, @Valid @RequestBody ActionItem item,
			Principal user) {
		return created(key, plans.add(key, new NewMilestone(item.task(), item.owner(), item.due()), user.getName()));
	}

	@PatchMapping("/milestones/{id}")
	@Operation(summary = "Change a milestone's title, owner, due date or success criterion; requires If-Match with "
			+ "its version. A new due date moves its SLA clock (one already overdue counts again to the new date)")
	ResponseEntity<Milestone> change(@PathVariable String key, @PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody MilestoneUpdate update, Principal user) {
		return withEtag(plans.change(key, id, Versions.required(ifMatch), update, user.getName()));
	}

	@PostMapping("/milestones/{id}/status")
	@Operation(summary = "Move a milestone TODO -> DOING -> DONE, or to DROPPED with a reason; requires If-Match "
			+ "with its version. DONE meets its SLA clock, DROPPED stops it")
	ResponseEntity<Milestone> status(@PathVariable String key, @PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody StatusChange change, Principal user) {
		return withEtag(plans.changeStatus(key, id, Versions.required(ifMatch), change.status(), change.reason(),
				user.getName()));
	}

	@PostMapping("/milestones/{id}/done")
	@Operation(summary = "Mark a milestone done, whatever its version; its SLA clock is met")
	ResponseEntity<Milestone> done(@PathVariable String key, @PathVariable long id, Principal user) {
		return withEtag(plans.complete(key, id, user.getName()));
	}

	@PutMapping("/milestones/order")
	@Operation(summary = "Put the risk's milestones in this order: ids names each of them exactly once")
	List<Milestone> reorder(@PathVariable String key, @Valid @RequestBody Order order, Principal user) {
		return plans.reorder(key, order.ids(), user.getName());
	}

	private static ResponseEntity<Milestone> created(String key, Milestone added) {
		return ResponseEntity.created(URI.create("/api/risks/" + key + "/milestones/" + added.id()))
			.eTag(Versions.etag(added.version()))
			.body(added);
	}

	@GetMapping("/milestones/template")
	@Operation(summary = "Preview a CAP template: the milestones applying it now would create (title, owner, due), "
			+ "and the account-team roles nobody fills (their milestones go to the risk's owner). Writes nothing")
	TemplatePlan previewTemplate(@PathVariable String key,
			@Parameter(description = "the template's category; default the risk's") @RequestParam(required = false) RiskCategory category) {
		return templates.preview(key, category);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/milestones/template")
	@Operation(summary = "Apply a CAP template: one milestone per step, owners from the account team by role, due dates "
			+ "from now in the account's business calendar; all or nothing. 400 when the playbook has no template for "
			+ "the category, 409 on a closed risk or when a role is unfilled and the risk has no owner")
	ResponseEntity<AppliedTemplate> applyTemplate(@PathVariable String key,
			@RequestBody(required = false) TemplateRequest request, Principal user) {
		AppliedTemplate applied = templates.apply(key, request == null ? null : request.category(), user.getName());
		return ResponseEntity.created(URI.create("/api/risks/" + key + "/milestones")).body(applied);
	}

	private static ResponseEntity<Milestone> withEtag(Milestone milestone) {
		return ResponseEntity.ok().eTag(Versions.etag(milestone.version())).body(milestone);
	}

}
