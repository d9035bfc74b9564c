package io.riskdesk.risk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.riskdesk.core.Csv;

/** The register as CSV (RFC 4180): a header line, CRLF line ends, fields quoted when they need it. */
final class RegisterCsv {

	static final List<String> HEADER = List.of("key", "title", "account", "category", "severity", "status", "source",
			"owner", "arr_at_risk", "currency", "renewal_date", "days_to_renewal", "detected_at", "open_blockers",
			"sla_status", "next_due_at", "concessions_approved", "progress_due_at", "stale_since", "overdue_milestones");

	private RegisterCsv() {
	}

	static void writeHeader(Writer out) {
		writeLine(out, HEADER);
	}

	static void write(Writer out, RiskSummary risk) {
		List<Object> fields = new ArrayList<>();
		fields.add(risk.key());
		fields.add(risk.title());
		fields.add(risk.account().name());
		fields.add(risk.category());
		fields.add(risk.severity());
		fields.add(risk.status());
		fields.add(risk.source());
		fields.add(risk.owner() == null ? null : risk.owner().name());
		fields.add(risk.arrAtRisk() == null ? null : risk.arrAtRisk().amount().toPlainString());
		fields.add(risk.arrAtRisk() == null ? null : risk.arrAtRisk().currency().getCurrencyCode());
		fields.add(risk.renewalDate());
		fields.add(risk.daysToRenewal());
		fields.add(risk.detectedAt());
		fields.add(risk.openBlockers());
		fields.add(risk.slaStatus());
		fields.add(risk.nextDueAt());
		// The account's approved concessions per currency, e.g. "USD 12000.00; EUR 500.00".
		fields.add(risk.approvedConcessions()
			.stream()
			.map(m -> m.currency().getCurrencyCode() + " " + m.amount().toPlainString())
			.collect(Collectors.joining("; ")));
		fields.add(risk.progressDueAt());
		fields.add(risk.staleSince());
		fields.add(risk.overdueMilestones());
		writeLine(out, fields);
	}

	/** Unchecked: lines are written from inside a transaction's callback, which cannot throw IOException. */
	private static void writeLine(Writer out, List<?> fields) {
		try {
			out.write(Csv.line(fields));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
