package io.riskdesk.intake;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.riskdesk.intake.IntakeImports.Confirmed;
import io.riskdesk.intake.IntakeImports.Review;
import io.riskdesk.core.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Importing escalation emails and meeting notes: {@code POST /notes} reads a document into a
 * draft and a proposal (nothing saved); {@code POST /preview} says which clocks and milestones
 * a proposal would start already breached (nothing saved); {@code POST /imports} confirms the
 * reviewed proposal.
 */
@RestController
@RequestMapping("/api/intake")
@Tag(name = "Intake")
class IntakeController {

	private final IntakeImports imports;

	private final NotesExtractor extractor;

	private final ImportPreviews previews;

	IntakeController(IntakeImports imports, NotesExtractor extractor, ImportPreviews previews) {
		this.imports = imports;
		this.extractor = extractor;
		this.previews = previews;
	}

	@Operation(summary = "Read meeting notes, an email thread or a chat export into a draft with a proposal to confirm, and the "
			+ "possibleDuplicates: the unresolved risks of its existing account and category; nothing is saved",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					description = "UTF-8 text, at most riskdesk.intake.max-bytes (400 naming content otherwise)",
					content = { @Content(mediaType = "text/plain", schema = @Schema(type = "string")),
							@Content(mediaType = "text/markdown", schema = @Schema(type = "string")) }))
	@PostMapping(path = "/notes", consumes = { "text/plain", "text/markdown" })
	Review notes(InputStream body, @RequestParam(required = false) String fileName) throws IOException {
		return imports.review(extractor.read(body), fileName);
	}

	@Operation(summary = "Which SLA clocks and milestones a proposal would start already breached or at risk, "
			+ "counted in the account's calendar from now; nothing is saved")
	@PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
	ImportPreview preview(@Valid @RequestBody ImportRequest request) {
		// A valid request has a detection time, a severity and an account whose time zone is known.
		return previews.of(request)
			.orElseThrow(() -> new InvalidFieldException("account.timeZone", "is required for a new account"));
	}

	@Operation(summary = "Confirm a reviewed proposal: the account, the risk (source IMPORT), its milestones, decisions and meetings, "
			+ "the document attached; with attachTo (an unclosed risk of the same account) no risk is logged, the document goes to "
			+ "that one. 201 with the import; 200 with the earlier import when this document was imported before")
	@PostMapping(path = "/imports", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IntakeImport> confirm(@Valid @RequestBody ImportRequest request, Principal user) {
		Confirmed confirmed = imports.confirm(request, user.getName());
		IntakeImport done = confirmed.intakeImport();
		if (!confirmed.created()) {
			return ResponseEntity.ok().location(URI.create("/api/intake/imports/" + done.id())).body(done);
		}
		return ResponseEntity.created(URI.create("/api/intake/imports/" + done.id())).body(done);
	}

	@GetMapping("/imports")
	@Operation(summary = "The latest imports, newest first")
	List<IntakeImport> recent(@RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
		return imports.recent(limit);
	}

	@GetMapping("/imports/{id}")
	IntakeImport get(@PathVariable long id) {
		return imports.get(id);
	}

	@GetMapping(path = "/imports/{id}/document", produces = "text/plain;charset=UTF-8")
	@Operation(summary = "The imported document as it was confirmed, as a plain-text download")
	ResponseEntity<String> document(@PathVariable long id) {
		return DocumentDownload.of(imports.document(id));
	}

}
