package io.riskdesk.report;

import java.util.List;

/** The whole KPI report: the filters it was computed with and every table. */
public record Kpis(KpiFilter filters, String reportingCurrency, Durations durations,
		List<KpiReport.ComplianceRow> slaCompliance, List<KpiReport.SourceRow> sources,
		List<KpiReport.OutcomeRow> outcomes) {

	/** The times from detection, by the risks' severity, owner and detection month. */
	public record Durations(List<KpiReport.DurationRow> bySeverity, List<KpiReport.DurationRow> byOwner,
			List<KpiReport.DurationRow> byMonth) {
	}

	static Kpis of(KpiReport report, KpiFilter filter) {
		return new Kpis(filter, report.reportingCurrency(),
				new Durations(report.durations(filter, KpiReport.Grouping.SEVERITY),
						report.durations(filter, KpiReport.Grouping.OWNER),
						report.durations(filter, KpiReport.Grouping.MONTH)),
				report.slaCompliance(filter), report.sources(filter), report.outcomes(filter));
	}

}
