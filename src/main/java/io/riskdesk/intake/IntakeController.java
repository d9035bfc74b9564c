package io.riskdesk.intake;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads an escalation email or meeting note and answers the draft; nothing is saved. */
@RestController
@RequestMapping("/api/intake")
class IntakeController {

	private final NotesExtractor extractor;

	IntakeController(NotesExtractor extractor) {
		this.extractor = extractor;
	}

	@Operation(summary = "Extract a draft escalation from meeting notes or an email thread (UTF-8, at most riskdesk.intake.max-bytes)")
	@PostMapping(path = "/notes", consumes = { "text/plain", "text/markdown" })
	ExtractionDraft notes(@RequestBody(required = false) byte[] content) {
		return extractor.extract(content);
	}

}
