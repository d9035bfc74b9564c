package io.riskdesk.report;

import java.time.LocalDate;
import java.util.List;

import io.riskdesk.core.SaneDate;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The KPI report's filters as the URL carries them, for the API and the page alike: risks
 * detected from {@code from} to {@code to} (UTC days, both included; the last 12 months by
 * default), of these severities (any when none), owner (a person's id), category and account
 * (an account's id).
 */
public record KpiQuery(
		@Parameter(description = "First day of detection (UTC), default 12 months before to")
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @SaneDate(years = SaneDate.SEARCH_YEARS) LocalDate from,
		@Parameter(description = "Last day of detection (UTC), included; default today")
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @SaneDate(years = SaneDate.SEARCH_YEARS) LocalDate to,
		@Parameter(description = "Severities, repeatable; any when none") List<Severity> severity,
		@Parameter(description = "Owner: a person's id") Long owner,
		RiskCategory category,
		@Parameter(description = "An account's id") Long account) {

	public KpiQuery {
		severity = severity == null ? List.of() : List.copyOf(severity);
	}

}
