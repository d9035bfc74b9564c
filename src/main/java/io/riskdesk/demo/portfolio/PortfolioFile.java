package io.riskdesk.demo.portfolio;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/** The files of a generated portfolio: the accounts, the telemetry files of the intake's CSV contract, the truth. */
public enum PortfolioFile {

	ACCOUNTS("accounts.csv", PortfolioGenerator::accounts, "external_id", "name", "arr_amount", "arr_currency",
			"renewal_date", "segment", "country", "time_zone", "first_value_due"),
	USAGE("usage.csv", PortfolioGenerator::usage, "account", "day", "active_users", "wau", "mau"),
	FEATURE_USAGE("feature-usage.csv", PortfolioGenerator::featureUsage, "account", "week", "feature", "persona",
			"users"),
	TICKETS("tickets.csv", PortfolioGenerator::tickets, "account", "ticket_id", "severity", "opened_at",
			"resolved_at", "workaround", "subject"),
	INVOICES("invoices.csv", PortfolioGenerator::invoices, "account", "invoice_no", "amount", "currency", "due_date",
			"paid_date"),
	SURVEYS("surveys.csv", PortfolioGenerator::surveys, "account", "responded_on", "kind", "score",
			"respondent_role", "comment"),
	EVENTS("events.csv", PortfolioGenerator::events, "account", "occurred_on", "type", "note"),
	TRUTH("truth.csv", PortfolioGenerator::truth, "account", "pattern", "category", "started_on", "detectable_on",
			"churn_on");

	private final String fileName;

	private final Function<PortfolioGenerator, Stream<? extends PortfolioRow>> rows;

	private final List<String> header;

	PortfolioFile(String fileName, Function<PortfolioGenerator, Stream<? extends PortfolioRow>> rows,
			String... header) {
		this.fileName = fileName;
		this.rows = rows;
		this.header = List.of(header);
	}

	public String fileName() {
		return fileName;
	}

	/** The column names, in the order of {@link PortfolioRow#values()}. */
	public List<String> header() {
		return header;
	}

	public Stream<? extends PortfolioRow> rows(PortfolioGenerator generator) {
		return rows.apply(generator);
	}

}
