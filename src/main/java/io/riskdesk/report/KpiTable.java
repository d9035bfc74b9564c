package io.riskdesk.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.riskdesk.core.Csv;

/**
 * The KPI report's tables as CSV, each by its name in the URL ({@code durations-by-severity.csv}):
 * the same rows as the JSON, one column per figure, hours with two decimals.
 */
enum KpiTable {

	DURATIONS_BY_SEVERITY("durations-by-severity"), DURATIONS_BY_OWNER("durations-by-owner"),
	DURATIONS_BY_MONTH("durations-by-month"), SLA_COMPLIANCE("sla-compliance"), SOURCES("sources"),
	OUTCOMES("outcomes");

	private static final List<String> DURATION_HEADER = Stream
		.of("triage", "first_response", "resolve", "close")
		.flatMap(figure -> Stream.of(figure + "_risks", figure + "_median_hours", figure + "_p90_hours"))
		.toList();

	private final String fileName;

	KpiTable(String fileName) {
		this.fileName = fileName;
	}

	String fileName() {
		return fileName;
	}

	static Optional<KpiTable> named(String name) {
		return Stream.of(values()).filter(table -> table.fileName.equals(name)).findFirst();
	}

	/** The table's CSV: a header line and one line per row, RFC 4180. */
	String csv(KpiReport report, KpiFilter filter) {
		StringBuilder out = new StringBuilder();
		switch (this) {
			case DURATIONS_BY_SEVERITY -> durations(out, "severity", report.durations(filter, KpiReport.Grouping.SEVERITY));
			case DURATIONS_BY_OWNER -> durations(out, "owner", report.durations(filter, KpiReport.Grouping.OWNER));
			case DURATIONS_BY_MONTH -> durations(out, "month", report.durations(filter, KpiReport.Grouping.MONTH));
			case SLA_COMPLIANCE -> {
				out.append(Csv.line(List.of("clock", "severity", "met_on_time", "met_late", "breached", "counting",
						"compliance_percent")));
				report.slaCompliance(filter)
					.forEach(row -> out.append(Csv.line(fields(row.clock(), row.severity(), row.metOnTime(),
							row.metLate(), row.breached(), row.counting(), row.compliancePercent()))));
			}
			case SOURCES -> {
				out.append(Csv.line(List.of("source", "risks")));
				report.sources(filter).forEach(row -> out.append(Csv.line(List.of(row.source(), row.risks()))));
			}
			case OUTCOMES -> {
				out.append(Csv.line(List.of("outcome", "risks", "accounts", "arr", "currency", "accounts_without_rate")));
				report.outcomes(filter)
					.forEach(row -> out.append(Csv.line(List.of(row.outcome(), row.risks(), row.accounts(),
							row.arr().toPlainString(), report.reportingCurrency(), row.accountsWithoutRate()))));
			}
		}
		return out.toString();
	}

	private static void durations(StringBuilder out, String group, List<KpiReport.DurationRow> rows) {
		List<String> header = new ArrayList<>(List.of(group, "label", "risks"));
		header.addAll(DURATION_HEADER);
		out.append(Csv.line(header));
		for (KpiReport.DurationRow row : rows) {
			List<Object> fields = fields(row.key(), row.label(), row.risks());
			for (KpiReport.Figure figure : List.of(row.timeToTriage(), row.timeToFirstResponse(), row.timeToResolve(),
					row.timeToClose())) {
				fields.addAll(fields(figure.risks(), figure.medianHours(), figure.p90Hours()));
			}
			out.append(Csv.line(fields));
		}
	}

	/** A mutable list that may hold nulls (empty CSV fields), unlike {@code List.of}. */
	private static List<Object> fields(Object... values) {
		return new ArrayList<>(Arrays.asList(values));
	}

}
