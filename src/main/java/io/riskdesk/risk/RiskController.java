package io.riskdesk.risk;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.riskdesk.timeline.TimelineEntry;
import io.riskdesk.web.Versions;
import io.riskdesk.core.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The Risk Register API. Reads return an ETag; PATCH requires If-Match, and every other write
 * honours If-Match when it is sent, answering 409 when the risk changed in between.
 */
@RestController
@RequestMapping("/api/risks")
@Tag(name = "Risk Register")
class RiskController {

	private final RiskRegister risks;

	RiskController(RiskRegister risks) {
		this.risks = risks;
	}

	@GetMapping
	@Operation(summary = "List the register with filters; sort by key, title, severity, status, category, "
			+ "detectedAt, account, owner, arrAtRisk, renewalDate, nextDueAt, slaStatus")
	PagedModel<RiskSummary> list(@Valid RiskQuery query, @PageableDefault(size = 50) Pageable pageable) {
		return new PagedModel<>(risks.list(query, pageable));
	}

	@GetMapping("/scroll")
	@Operation(summary = "The register page by page with a cursor (keyset paging): the same filters and sorts as the "
			+ "list; the answer's next (also a Link header, rel=next) is the after= of the following page, absent on the "
			+ "last. No total is counted, and no risk is skipped or repeated when risks are logged between pages")
	ResponseEntity<RiskScroll> scroll(@Valid RiskQuery query, @PageableDefault(size = 50) Pageable pageable,
			@Parameter(description = "the next of the previous page; none for the first page") @RequestParam(required = false) String after) {
		if (pageable.getPageNumber() != 0) {
			throw new InvalidFieldException("page", "is not used here: ask for the next page with after=");
		}
		// An empty after= is the first page, for clients that always send the parameter.
		RiskScroll scroll = risks.scroll(query, pageable.getSort(), pageable.getPageSize(),
				after == null || after.isBlank() ? null : after);
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
		if (scroll.next() != null) {
			answer.header(HttpHeaders.LINK, "<" + ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("after", scroll.next())
				.build()
				.toUriString() + ">; rel=\"next\"");
		}
		return answer.body(scroll);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Log a risk by hand; the answer lists the unresolved risks of the same account and category "
			+ "as possibleDuplicates, each with its attach link")
	ResponseEntity<LoggedRisk> create(@Valid @RequestBody NewRisk form, Principal user) {
		// Looked up first, so the new risk is not among them.
		List<UnresolvedRisk> earlier = risks.unresolved(form.accountId(), form.category());
		RiskDetails risk = risks.create(form, RiskSource.MANUAL, user.getName());
		return ResponseEntity.created(URI.create("/api/risks/" + risk.key()))
			.eTag(Versions.etag(risk.version()))
			.body(new LoggedRisk(risk, earlier.stream().map(LoggedRisk.PossibleDuplicate::of).toList()));
	}

	@GetMapping("/{key}")
	ResponseEntity<RiskDetails> get(@PathVariable String key) {
		return withEtag(risks.get(key));
	}

	@PatchMapping("/{key}")
	@Operation(summary = "Change descriptive fields; requires If-Match")
	ResponseEntity<RiskDetails> update(@PathVariable String key, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody RiskUpdate update, Principal user) {
		return withEtag(risks.update(key, Versions.required(ifMatch), update, user.getName()));
	}

	@PostMapping("/{key}/transitions")
	@Operation(summary = "Move the risk through the workflow: OPEN -> TRIAGED -> ACTIVE -> RESOLVED -> CLOSED, RESOLVED -> ACTIVE")
	ResponseEntity<RiskDetails> transition(@PathVariable String key, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody TransitionRequest request, Principal user) {
		return withEtag(risks.transition(key, Versions.optional(ifMatch), request, user.getName()));
	}

	@PostMapping("/{key}/reports")
	@Operation(summary = "Attach another report of the risk's problem instead of logging a new risk: its evidence joins "
			+ "the risk's, its title and description go to the timeline; 409 on a closed risk")
	ResponseEntity<RiskDetails> attachReport(@PathVariable String key, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody NewReport report, Principal user) {
		return withEtag(risks.attachReport(key, Versions.optional(ifMatch), report, user.getName()));
	}

	@PostMapping("/{key}/severity")
	@Operation(summary = "Change the severity, with a reason")
	ResponseEntity<RiskDetails> changeSeverity(@PathVariable String key, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody SeverityChange change, Principal user) {
		return withEtag(risks.changeSeverity(key, Versions.optional(ifMatch), change, user.getName()));
	}

	@PostMapping("/{key}/triage-steps")
	@Operation(summary = "Record CREATE_CAP, NOTIFY_STAKEHOLDERS or SET_CADENCE")
	ResponseEntity<RiskDetails> triageStep(@PathVariable String key, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody TriageStepRequest request, Principal user) {
		return withEtag(risks.recordTriageStep(key, Versions.optional(ifMatch), request, user.getName()));
	}

	@PostMapping("/{key}/decisions")
	ResponseEntity<RiskDetails> addDecision(@PathVariable String key, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody TextRequest decision, Principal user) {
		return withEtag(risks.addDecision(key, Versions.optional(ifMatch), decision.text(), user.getName()));
	}

	@PostMapping("/{key}/blockers")
	ResponseEntity<RiskDetails> raiseBlocker(@PathVariable String key, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody TextRequest blocker, Principal user) {
		return withEtag(risks.raiseBlocker(key, Versions.optional(ifMatch), blocker.text(), user.getName()));
	}

	@PostMapping("/{key}/blockers/{number}/clear")
	@Operation(summary = "Clear an open blocker; the body's text is the resolution")
	ResponseEntity<RiskDetails> clearBlocker(@PathVariable String key, @PathVariable int number,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody TextRequest resolution,
			Principal user) {
		return withEtag(risks.clearBlocker(key, Versions.optional(ifMatch), number, resolution.text(), user.getName()));
	}

	@PostMapping("/{key}/first-response")
	@Operation(summary = "Record the first response to the customer; stops the first-response SLA clock")
	ResponseEntity<RiskDetails> recordFirstResponse(@PathVariable String key, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody TextRequest note, Principal user) {
		return withEtag(risks.recordFirstResponse(key, Versions.optional(ifMatch), note.text(), user.getName()));
	}

	@PostMapping("/{key}/notifications")
	@Operation(summary = "Record that the escalation matrix's stakeholders for the current severity were notified; "
			+ "meets the notification SLA clock (again, after an escalation)")
	ResponseEntity<RiskDetails> recordNotification(@PathVariable String key, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody TextRequest note, Principal user) {
		return withEtag(risks.recordNotification(key, Versions.optional(ifMatch), note.text(), user.getName()));
	}

	@GetMapping("/{key}/timeline")
	@Operation(summary = "Every change of the risk, oldest first")
	List<TimelineEntry> timeline(@PathVariable String key) {
		return risks.timeline(key);
	}

	private static ResponseEntity<RiskDetails> withEtag(RiskDetails risk) {
		return ResponseEntity.ok().eTag(Versions.etag(risk.version())).body(risk);
	}

}
