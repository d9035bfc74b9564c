package io.riskdesk.playbook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/playbook")
@Tag(name = "Playbook")
class PlaybookController {

	private final Playbook playbook;

	PlaybookController(Playbook playbook) {
		this.playbook = playbook;
	}

	@GetMapping
	@Operation(summary = "The playbook in force: severities, SLAs, escalation matrix, cadences, thresholds")
	Playbook playbook() {
		return playbook;
	}

}
