package io.riskdesk.signal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.core.SaneDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Signals")
class DetectionController {

	private final DetectionRuns runs;

	private final Clock clock;

	DetectionController(DetectionRuns runs, Clock clock) {
		this.runs = runs;
		this.clock = clock;
	}

	/** @param accountId one account, or every account when absent; @param asOf the day to look from, today when absent */
	record RunRequest(Long accountId, @SaneDate LocalDate asOf) {
	}

	@PostMapping("/api/detection/run")
	@Operation(summary = "Run detection now, for one account or all, as of a day (today by default): findings recorded, "
			+ "risks opened, attached, escalated and cleared findings noted, as the scheduled pass does")
	DetectionRun run(@Valid @RequestBody(required = false) RunRequest request) {
		RunRequest run = request == null ? new RunRequest(null, null) : request;
		LocalDate today = LocalDate.now(clock);
		if (run.asOf() != null && run.asOf().isAfter(today)) {
			throw new InvalidFieldException("asOf", "must not be after today (" + today + ")");
		}
		return runs.run(run.asOf() == null ? today : run.asOf(), run.accountId() == null ? null : List.of(run.accountId()));
	}

}
