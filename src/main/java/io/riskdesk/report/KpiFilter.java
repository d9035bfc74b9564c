package io.riskdesk.report;

import java.time.LocalDate;
import java.util.List;

import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;

/** The filters a report was computed with, defaults filled in: what the answer and the page show. */
public record KpiFilter(LocalDate from, LocalDate to, List<Severity> severity, Long owner, RiskCategory category,
		Long account) {

	public KpiFilter {
		severity = List.copyOf(severity);
	}

}
