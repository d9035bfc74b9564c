package io.riskdesk.sla;

import java.time.Instant;
import java.util.List;

import io.riskdesk.core.SaneDate;
import io.riskdesk.core.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "SLA clocks")
class SlaController {

	private final SlaClocks clocks;

	private final SlaCompliance compliance;

	SlaController(SlaClocks clocks, SlaCompliance compliance) {
		this.clocks = clocks;
		this.compliance = compliance;
	}

	record PauseRequest(@NotBlank @Text(max = Text.LINE) String reason) {
	}

	@GetMapping("/api/risks/{key}/clocks")
	@Operation(summary = "The risk's SLA clocks: due instants, state and remaining time")
	List<ClockView> clocks(@PathVariable String key) {
		return clocks.clocksOf(key);
	}

	@PostMapping("/api/risks/{key}/clocks/{kind}/pause")
	@Operation(summary = "Pause a running clock with a reason, e.g. waiting on the customer")
	ClockView pause(@PathVariable String key, @PathVariable ClockKind kind, @Valid @RequestBody PauseRequest request) {
		return clocks.pause(key, kind, request.reason());
	}

	@PostMapping("/api/risks/{key}/clocks/{kind}/resume")
	ClockView resume(@PathVariable String key, @PathVariable ClockKind kind) {
		return clocks.resume(key, kind);
	}

	@GetMapping("/api/sla/compliance")
	@Operation(summary = "Per severity: clocks met and breached, median time to triage and to first response, "
			+ "for clocks started in [from, to)")
	List<SlaCompliance.SeverityCompliance> compliance(
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @SaneDate(years = SaneDate.SEARCH_YEARS) Instant from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @SaneDate(years = SaneDate.SEARCH_YEARS) Instant to) {
		return compliance.between(from, to);
	}

}
