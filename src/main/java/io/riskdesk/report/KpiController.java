package io.riskdesk.report;

import java.nio.charset.StandardCharsets;

import io.riskdesk.core.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reports")
class KpiController {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final KpiReport report;

	KpiController(KpiReport report) {
		this.report = report;
	}

	@GetMapping("/api/reports/kpis")
	@Operation(summary = "The KPI report: times to triage, first response, resolve and close (median, p90) by "
			+ "severity, owner and month; SLA compliance per clock and severity; risks by source; outcomes of "
			+ "closed risks with ARR", description = "Risks detected from `from` to `to` (UTC days, both included; "
					+ "the last 12 months by default). See docs/reports.md for each figure.")
	Kpis kpis(@Valid @ModelAttribute KpiQuery query) {
		return Kpis.of(report, report.filter(query));
	}

	@GetMapping(path = "/api/reports/kpis/{table}.csv", produces = "text/csv")
	@Operation(summary = "One table of the KPI report as CSV (RFC 4180), with the same filters")
	ResponseEntity<String> csv(@Parameter(description = "durations-by-severity, durations-by-owner, "
			+ "durations-by-month, sla-compliance, sources or outcomes") @PathVariable String table,
			@Valid @ModelAttribute KpiQuery query) {
		return csvOf(report, table, query);
	}

	/** The table's CSV as a download; an unknown table is a 404, bad filters a 400. */
	static ResponseEntity<String> csvOf(KpiReport report, String table, KpiQuery query) {
		KpiTable named = KpiTable.named(table).orElseThrow(() -> new NotFoundException("KPI table", table));
		String csv = named.csv(report, report.filter(query));
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kpi-" + named.fileName() + ".csv\"")
			.body(csv);
	}

}
