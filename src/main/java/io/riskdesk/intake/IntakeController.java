package io.riskdesk.intake;

import java.io.IOException;
import java.io.InputStream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import org.springframework.web.bind.annotation.PostMapping;
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

	@Operation(summary = "Extract a draft escalation from meeting notes, an email thread or a chat export",
			requestBody = @RequestBody(description = "UTF-8 text, at most riskdesk.intake.max-bytes (400 naming content otherwise)"))
	@PostMapping(path = "/notes", consumes = { "text/plain", "text/markdown" })
	ExtractionDraft notes(InputStream body) throws IOException {
		// One byte over the limit is enough to refuse: a huge body is never held in memory.
		byte[] content = body.readNBytes((int) Math.min(extractor.maxBytes() + 1L, Integer.MAX_VALUE));
		return extractor.extract(content);
	}

}
