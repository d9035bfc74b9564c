package io.riskdesk.progress;

import java.net.URI;
import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/risks/{key}/progress")
@Tag(name = "Progress updates")
class ProgressController {

	private final ProgressUpdates progress;

	ProgressController(ProgressUpdates progress) {
		this.progress = progress;
	}

	@GetMapping
	@Operation(summary = "A risk's progress updates, newest first, and its staleness: the last update, the required "
			+ "frequency, when the next update is due and whether (since when) it is stale")
	RiskProgress list(@PathVariable String key) {
		return progress.of(key);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Report progress (text and health: ON_TRACK, AT_RISK, OFF_TRACK) as the signed-in user; "
			+ "ends a stale period and sets when the next update is due. Refused (409) on a closed risk")
	ResponseEntity<ProgressUpdate> report(@PathVariable String key, @Valid @RequestBody NewProgressUpdate update,
			Principal user) {
		return ResponseEntity.created(URI.create("/api/risks/" + key + "/progress"))
			.body(progress.report(key, update, user.getName()));
	}

}
