package io.riskdesk.signal;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Telemetry files into the signal tables: {@code POST /api/telemetry/{kind}}, contract in docs/telemetry.md. */
@RestController
@RequestMapping("/api/telemetry")
@Tag(name = "Telemetry")
class TelemetryController {

	static final String CSV = "text/csv";

	private final TelemetryIntake intake;

	TelemetryController(TelemetryIntake intake) {
		this.intake = intake;
	}

	@Operation(summary = "Store a telemetry file of one kind, all or nothing: usage, feature-usage, tickets, invoices, surveys, events",
			description = """
					CSV (RFC 4180, UTF-8, a header row) or a JSON array of objects with the same field names. \
					Rows are upserted on their natural key: the same file twice changes nothing. One wrong row refuses \
					the whole file: 400 with errors [{row, column, reason}] (CSV rows count the header as row 1; JSON rows \
					are the array index + 1), at most the first 100. Unknown kind 404, over \
					riskdesk.telemetry.max-request-size 413, another content type 415. Fields per kind: docs/telemetry.md.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
					@Content(mediaType = CSV, schema = @Schema(type = "string", example = """
							account,day,active_users,wau,mau
							ACME-001,2026-11-23,42,120,310""")),
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "array", example = """
							[{"account": "ACME-001", "day": "2026-11-23", "active_users": 42, "wau": 120, "mau": 310}]""")) }))
	@PostMapping(path = "/{kind}", consumes = { CSV, MediaType.APPLICATION_JSON_VALUE })
	TelemetryReport receive(@PathVariable String kind, HttpServletRequest request) throws IOException {
		TelemetryKind telemetryKind = TelemetryKind.of(kind);
		// A declared length over the limit is refused before a byte is read; a chunked body is counted as it comes.
		if (request.getContentLengthLong() > intake.maxBytes()) {
			throw new TelemetryTooLarge(intake.maxBytes());
		}
		TelemetryFormat format = MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(request.getContentType()))
				? TelemetryFormat.JSON : TelemetryFormat.CSV;
		// Extension point: detection's findings for report.accounts() join the answer here, as the field "detection".
		return intake.receive(telemetryKind, format, request.getInputStream());
	}

	@ExceptionHandler
	ProblemDetail rejected(TelemetryRejected ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid request");
		problem.setProperty("errors", ex.errors());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail tooLarge(TelemetryTooLarge ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
		problem.setTitle("Content too large");
		return problem;
	}

}
