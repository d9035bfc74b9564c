package io.riskdesk.security;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.riskdesk.core.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tokens")
@Tag(name = "API tokens (admin)")
class ApiTokenController {

	private final ApiTokens tokens;

	ApiTokenController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	record NewToken(@NotBlank @Text(max = Text.CODE) String name, @NotBlank @Text(max = Text.NAME) String username) {
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Create a token acting as the given user; the secret is in this response only")
	ResponseEntity<ApiTokens.CreatedToken> create(@Valid @RequestBody NewToken request, Principal admin) {
		ApiTokens.CreatedToken created = tokens.create(request.name(), request.username(), admin.getName());
		return ResponseEntity.created(URI.create("/api/tokens/" + created.token().id())).body(created);
	}

	@GetMapping
	List<ApiTokens.TokenView> list() {
		return tokens.list();
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revoke a token; it stops working at once")
	ApiTokens.TokenView revoke(@PathVariable long id) {
		return tokens.revoke(id);
	}

}
