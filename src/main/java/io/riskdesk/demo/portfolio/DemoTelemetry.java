package io.riskdesk.demo.portfolio;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.riskdesk.account.Segment;

/**
 * Telemetry for the demo book: each demo account that asks for it gets the rows of one generated
 * account of its segment and currency with the pattern it asks for, over the {@value #DAYS} days up to today,
 * named by the demo account's external id. Drawn from a fixed seed, and every generated date is
 * counted from the period's end, so the demo shows the same story relative to whatever day it loads.
 * An account at risk is one whose pattern became detectable 3 to 14 days ago: fresh, its event
 * still within the event rules' 30 days, its usage drop not yet old news. A healthy one is no new
 * customer and has none of the harmless blips a rule may fire on.
 */
public final class DemoTelemetry {

	public static final int DAYS = 120;

	/** A seed whose first hundred generated accounts hold those demo/portfolio.yml asks for: a quick pick. */
	private static final long SEED = 2737;

	/** The most generated accounts looked at for a fit, should the demo ask for others. */
	private static final int CANDIDATES = 2_000;

	private static final double AT_RISK_SHARE = 0.5;

	private static final int DETECTABLE_FROM_DAYS_AGO = 14;

	private static final int DETECTABLE_UNTIL_DAYS_AGO = 3;

	/**
	 * @param externalId the demo account's external id, which the rows name it by
	 * @param currency its invoices' currency
	 * @param pattern the story its telemetry tells; {@link RiskPattern#NONE} for a healthy account
	 */
	public record Request(String externalId, Segment segment, Currency currency, RiskPattern pattern) {
	}

	private DemoTelemetry() {
	}

	/** The six telemetry files (CSV with a header, the intake's contract) for these accounts, up to {@code today}. */
	public static Map<PortfolioFile, String> csv(LocalDate today, List<Request> requests) {
		PortfolioSpec spec = new PortfolioSpec(SEED, CANDIDATES, DAYS, today, AT_RISK_SHARE);
		// Generated accounts in index order, each to the first request still open that it fits.
		Map<Request, AccountPlan> chosen = new LinkedHashMap<>();
		for (int index = 0; index < CANDIDATES && chosen.size() < requests.size(); index++) {
			AccountPlan plan = new AccountPlan(spec, index);
			requests.stream()
				.filter(request -> !chosen.containsKey(request) && fits(plan, request, today))
				.findFirst()
				.ifPresent(request -> chosen.put(request, plan));
		}
		Map<String, String> demoIds = new HashMap<>();
		for (Request request : requests) {
			AccountPlan plan = chosen.get(request);
			if (plan == null) {
				throw new IllegalStateException("No generated " + request.segment() + " account in " + request.currency() + " with "
						+ request.pattern() + " for " + request.externalId());
			}
			demoIds.put(plan.externalId, request.externalId());
		}
		PortfolioGenerator generator = new PortfolioGenerator(spec)
			.only(chosen.values().stream().mapToInt(plan -> plan.index).toArray());
		Map<PortfolioFile, String> files = new EnumMap<>(PortfolioFile.class);
		for (PortfolioFile file : List.of(PortfolioFile.USAGE, PortfolioFile.FEATURE_USAGE, PortfolioFile.TICKETS,
				PortfolioFile.INVOICES, PortfolioFile.SURVEYS, PortfolioFile.EVENTS)) {
			StringWriter csv = new StringWriter();
			try {
				PortfolioFiles.write(file.rows(generator), file.header(), true, row -> {
					Object[] values = row.values();
					values[0] = demoIds.get(values[0]);
					return values;
				}, csv);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			files.put(file, csv.toString());
		}
		return files;
	}

	private static boolean fits(AccountPlan plan, Request request, LocalDate today) {
		if (plan.pattern != request.pattern() || plan.account().segment() != request.segment()
				|| !plan.account().arrCurrency().equals(request.currency().getCurrencyCode())) {
			return false;
		}
		if (plan.pattern == RiskPattern.NONE) {
			return plan.onboardedOn == null && plan.blip == null;
		}
		return !plan.detectableOn.isBefore(today.minusDays(DETECTABLE_FROM_DAYS_AGO))
				&& !plan.detectableOn.isAfter(today.minusDays(DETECTABLE_UNTIL_DAYS_AGO));
	}

}
