package io.riskdesk.concession;

import java.net.URI;

import io.riskdesk.account.Accounts;
import io.riskdesk.core.NotFoundException;
import io.riskdesk.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Concessions")
class ConcessionController {

	private final Concessions concessions;

	private final Accounts accounts;

	ConcessionController(Concessions concessions, Accounts accounts) {
		this.concessions = concessions;
		this.accounts = accounts;
	}

	@GetMapping("/api/risks/{key}/concessions")
	@Operation(summary = "A risk's concessions, and per currency the totals approved, offered and accepted")
	ConcessionList list(@PathVariable String key) {
		return ConcessionList.of(concessions.of(key));
	}

	@GetMapping("/api/accounts/{id}/concessions")
	@Operation(summary = "The concessions on an account's risks, newest first, with their totals per currency")
	ConcessionList ofAccount(@PathVariable long id) {
		if (!accounts.exists(id)) {
			throw new NotFoundException("Account", id);
		}
		return ConcessionList.of(concessions.ofAccount(id));
	}

	@GetMapping("/api/risks/{key}/concessions/{id}")
	ResponseEntity<Concession> get(@PathVariable String key, @PathVariable long id) {
		Concession concession = concessions.get(key, id);
		return ResponseEntity.ok().eTag(Versions.etag(concession.version())).body(concession);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/risks/{key}/concessions")
	@Operation(summary = "Propose a concession: amount in the account's currency, or for a SERVICE_CREDIT "
			+ "percentOfFees of fees (the account's ARR when not given); it awaits approval")
	ResponseEntity<Concession> propose(@PathVariable String key, @Valid @RequestBody NewConcession concession,
			Authentication user) {
		Concession proposed = concessions.propose(key, concession, user.getName());
		return ResponseEntity.created(URI.create("/api/risks/" + key + "/concessions/" + proposed.id()))
			.eTag(Versions.etag(proposed.version()))
			.body(proposed);
	}

	@PostMapping("/api/risks/{key}/concessions/{id}/transitions")
	@Operation(summary = "Move a concession: APPROVED (within the approver's role limit, else 403 naming the roles "
			+ "that can) or REJECTED (with a reason), then OFFERED, then ACCEPTED or DECLINED by the customer; "
			+ "requires If-Match with its version. Executives may approve and reject only")
	ResponseEntity<Concession> move(@PathVariable String key, @PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody ConcessionMove move, Authentication user) {
		Concession moved = concessions.move(key, id, Versions.required(ifMatch), move, user.getName(),
				SignedIn.role(user));
		return ResponseEntity.ok().eTag(Versions.etag(moved.version())).body(moved);
	}

}
