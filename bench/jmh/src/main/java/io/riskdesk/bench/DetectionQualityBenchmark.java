package io.riskdesk.bench;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.riskdesk.demo.portfolio.PortfolioRow;
import io.riskdesk.demo.portfolio.PortfolioSpec;
import io.riskdesk.demo.portfolio.RiskPattern;
import io.riskdesk.signal.DetectionRules;
import io.riskdesk.signal.Finding;

/**
 * How well the playbook's default rules find the risks injected into a generated portfolio: a backtest
 * that runs {@link DetectionRules#findings} over every account as of each day of the period (or every
 * n-th), after a 30-day baseline window, and keeps the first day each account had any finding. Then,
 * against truth.csv: recall (at-risk accounts found before they churn), precision (accounts found that
 * are at risk) and the median lead time (churn date minus first finding), overall and by pattern, and
 * which rules found the healthy accounts. Arguments: seed, accounts, days, every n-th day (default 7,
 * 2,000, 180, 1). The seed must be one the rules were not tuned on.
 */
public final class DetectionQualityBenchmark {

	private static final int BASELINE_DAYS = 30;

	private static final double TARGET_RECALL = 0.95;

	private static final double TARGET_PRECISION = 0.80;

	private static final long TARGET_LEAD_DAYS = 30;

	/** An account's first finding: the day and the rules that fired on it. */
	record FirstFinding(LocalDate day, List<String> rules) {
	}

	private DetectionQualityBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		PortfolioSpec spec = PortfolioSpec.of(args.length > 0 ? Long.parseLong(args[0]) : 7,
				args.length > 1 ? Integer.parseInt(args[1]) : 2_000, args.length > 2 ? Integer.parseInt(args[2]) : 180);
		int step = args.length > 3 ? Integer.parseInt(args[3]) : 1;
		try (DetectionDatabase database = DetectionDatabase.start(spec)) {
			Map<Long, String> externalIds = new HashMap<>();
			database.jdbc()
				.sql("select id, external_id from account")
				.query(rs -> {
					externalIds.put(rs.getLong(1), rs.getString(2));
				});
			Map<String, FirstFinding> first = new HashMap<>();
			long startedAt = System.nanoTime();
			int passes = 0;
			for (LocalDate day = spec.first().plusDays(BASELINE_DAYS); !day.isAfter(spec.end()); day = day.plusDays(step)) {
				LocalDate asOf = day;
				database.findings(asOf)
					.stream()
					.collect(Collectors.groupingBy(Finding::accountId))
					.forEach((account, findings) -> first.computeIfAbsent(externalIds.get(account),
							id -> new FirstFinding(asOf, findings.stream().map(Finding::ruleId).sorted().toList())));
				passes++;
			}
			System.out.printf("%d passes (every %s from %s to %s) in %.1f s, %.2f s a pass%n", passes,
					step == 1 ? "day" : step + " days", spec.first().plusDays(BASELINE_DAYS), spec.end(),
					DetectionDatabase.seconds(startedAt), DetectionDatabase.seconds(startedAt) / passes);
			report(database.generator().truth().toList(), first);
		}
	}

	private static void report(List<PortfolioRow.Truth> truth, Map<String, FirstFinding> first) {
		Map<RiskPattern, List<Long>> leads = new EnumMap<>(RiskPattern.class);
		Map<RiskPattern, int[]> foundOf = new EnumMap<>(RiskPattern.class);
		Map<String, Integer> falseAlarmRules = new TreeMap<>();
		int atRisk = 0;
		int found = 0;
		int flagged = 0;
		int flaggedAtRisk = 0;
		int beforeStart = 0;
		for (PortfolioRow.Truth account : truth) {
			FirstFinding finding = first.get(account.account());
			boolean risky = account.pattern() != RiskPattern.NONE;
			if (finding != null) {
				flagged++;
				if (risky) {
					flaggedAtRisk++;
				}
				else {
					finding.rules().forEach(rule -> falseAlarmRules.merge(rule, 1, Integer::sum));
				}
			}
			if (!risky) {
				continue;
			}
			atRisk++;
			int[] counts = foundOf.computeIfAbsent(account.pattern(), p -> new int[2]);
			counts[1]++;
			if (finding != null && finding.day().isBefore(account.churnOn())) {
				found++;
				counts[0]++;
				leads.computeIfAbsent(account.pattern(), p -> new ArrayList<>())
					.add(ChronoUnit.DAYS.between(finding.day(), account.churnOn()));
				if (finding.day().isBefore(account.startedOn())) {
					beforeStart++;
				}
			}
		}
		List<Long> allLeads = leads.values().stream().flatMap(List::stream).toList();
		double recall = (double) found / atRisk;
		double precision = (double) flaggedAtRisk / flagged;
		long lead = median(allLeads);
		System.out.printf("%-24s %9s %9s %14s%n", "pattern", "accounts", "found", "median lead");
		foundOf.forEach((pattern, counts) -> System.out.printf("%-24s %,9d %,9d %11d d%n", pattern, counts[1], counts[0],
				median(leads.getOrDefault(pattern, List.of()))));
		System.out.printf("Healthy accounts with a finding: %,d of %,d; first rules %s%n", flagged - flaggedAtRisk,
				truth.size() - atRisk, falseAlarmRules);
		System.out.printf("At-risk accounts found before their pattern started (by other noise): %,d%n", beforeStart);
		System.out.printf("recall %.1f%% (%,d of %,d) target %.0f%% %s; precision %.1f%% (%,d of %,d) target %.0f%% %s;"
				+ " median lead %d days target %d %s%n", 100 * recall, found, atRisk, 100 * TARGET_RECALL,
				met(recall >= TARGET_RECALL), 100 * precision, flaggedAtRisk, flagged, 100 * TARGET_PRECISION,
				met(precision >= TARGET_PRECISION), lead, TARGET_LEAD_DAYS, met(lead >= TARGET_LEAD_DAYS));
		List<String> missed = truth.stream()
			.filter(account -> account.pattern() != RiskPattern.NONE)
			.filter(account -> first.get(account.account()) == null
					|| !first.get(account.account()).day().isBefore(account.churnOn()))
			.map(account -> account.account() + " " + account.pattern() + " detectable " + account.detectableOn())
			.toList();
		if (!missed.isEmpty()) {
			System.out.println("Missed: " + missed);
		}
	}

	private static String met(boolean met) {
		return met ? "met" : "MISSED";
	}

	private static long median(List<Long> values) {
		if (values.isEmpty()) {
			return 0;
		}
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

}
