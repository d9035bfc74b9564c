package io.riskdesk.account;

import java.net.URI;

import io.riskdesk.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/accounts")
@Tag(name = "Accounts")
class AccountController {

	private final Accounts accounts;

	AccountController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	@Operation(summary = "List accounts (page, size, sort=name|renewalDate|arrAmount)")
	PagedModel<AccountDetails> list(@PageableDefault(size = 50, sort = "name") Pageable pageable) {
		return new PagedModel<>(accounts.list(pageable));
	}

	@GetMapping("/{id}")
	ResponseEntity<AccountDetails> get(@PathVariable long id) {
		return withEtag(ResponseEntity.ok(), accounts.get(id));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	ResponseEntity<AccountDetails> create(@Valid @RequestBody AccountForm form) {
		AccountDetails created = accounts.create(form);
		return withEtag(ResponseEntity.created(URI.create("/api/accounts/" + created.id())), created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace an account; send If-Match with the ETag you read")
	ResponseEntity<AccountDetails> update(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody AccountForm form) {
		return withEtag(ResponseEntity.ok(), accounts.update(id, Versions.required(ifMatch), form));
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		accounts.delete(id, Versions.required(ifMatch));
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<AccountDetails> withEtag(ResponseEntity.BodyBuilder builder, AccountDetails body) {
		return builder.eTag(Versions.etag(body.version())).body(body);
	}

}
