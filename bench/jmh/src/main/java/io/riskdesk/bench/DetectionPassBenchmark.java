package io.riskdesk.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.riskdesk.demo.portfolio.PortfolioSpec;
import io.riskdesk.signal.DetectionRules;
import io.riskdesk.signal.Finding;

/**
 * Seconds for one full detection pass ({@link DetectionRules#findings} with the playbook's policy, every
 * account) over a generated portfolio, against a hand-written SQL statement that computes the same
 * adoption and support aggregates for every account at once: the cost floor of reading that telemetry.
 * Arguments: seed, accounts, days (default 42, 10,000, 180). Prints the median of {@value #RUNS} runs
 * of each after one warm-up run of each, and the ratio.
 */
public final class DetectionPassBenchmark {

	private static final int RUNS = 3;

	private static final double TARGET_SECONDS = 10;

	private static final double TARGET_RATIO = 1.5;

	/**
	 * Per account: usage-drop and adoption-collapse (WAU and MAU on the latest reported day against 30 and
	 * 14 days before, floor 10 users, more than 30% and 40%), the Sev-1 tickets opened within 30 days, the
	 * age of the oldest Sev-1 unresolved for 7 days or more, the tickets with a workaround within 30 days;
	 * days in the account's zone, as the rules count them. The defaults of playbook.yml, written in.
	 */
	private static final String BASELINE = """
			with a as (
			    select id, time_zone, cast(:asOf as date) as as_of,
			           ((cast(:asOf as date) + 1)::timestamp at time zone time_zone) as day_end,
			           ((cast(:asOf as date) - 29)::timestamp at time zone time_zone) as window_start,
			           ((cast(:asOf as date) - 6)::timestamp at time zone time_zone) as unresolved_before
			    from account
			), usage as (
			    -- Index lookups of the three days of each account, no scan of the usage table ("limit 1" keeps
			    -- the planner from turning the lookups into hash joins over every usage row).
			    select a.id,
			           coalesce((d.wau >= 10 and (d.wau - l.wau) * 100 > 30 * d.wau)
			                 or (d.mau >= 10 and (d.mau - l.mau) * 100 > 30 * d.mau), false) as usage_drop,
			           coalesce(c.wau >= 10 and (c.wau - l.wau) * 100 > 40 * c.wau, false) as adoption_collapse
			    from a
			    cross join lateral (
			        select day, wau, mau from telemetry_usage u
			        where u.account_id = a.id and u.day <= a.as_of order by u.day desc limit 1) l
			    left join lateral (
			        select wau, mau from telemetry_usage d where d.account_id = a.id and d.day = l.day - 30 limit 1) d on true
			    left join lateral (
			        select wau from telemetry_usage c where c.account_id = a.id and c.day = l.day - 14 limit 1) c on true
			), tickets as (
			    select t.account_id as id,
			           count(*) filter (where t.severity = 'SEV1' and t.opened_at >= a.window_start) as sev1,
			           max(a.as_of - (t.opened_at at time zone a.time_zone)::date) filter (
			               where t.severity = 'SEV1' and t.opened_at < a.unresolved_before
			                 and (t.resolved_at is null or t.resolved_at >= a.day_end)) as oldest_unresolved_days,
			           count(*) filter (where t.workaround and t.opened_at >= a.window_start) as workarounds
			    from telemetry_ticket t join a on a.id = t.account_id
			    where t.opened_at < a.day_end
			    group by t.account_id
			)
			select a.id, coalesce(u.usage_drop, false) as usage_drop, coalesce(u.adoption_collapse, false) as adoption_collapse,
			       coalesce(t.sev1, 0) as sev1, t.oldest_unresolved_days, coalesce(t.workarounds, 0) as workarounds
			from a left join usage u on u.id = a.id left join tickets t on t.id = a.id""";

	/** One account's row of the baseline. */
	record Aggregates(long account, boolean usageDrop, boolean adoptionCollapse, int sev1, Integer oldestUnresolvedDays,
			int workarounds) {
	}

	private DetectionPassBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		PortfolioSpec spec = PortfolioSpec.of(args.length > 0 ? Long.parseLong(args[0]) : 42,
				args.length > 1 ? Integer.parseInt(args[1]) : 10_000, args.length > 2 ? Integer.parseInt(args[2]) : 180);
		LocalDate asOf = spec.end();
		try (DetectionDatabase database = DetectionDatabase.start(spec)) {
			Supplier<List<Aggregates>> baseline = () -> database.jdbc()
				.sql(BASELINE)
				.param("asOf", asOf)
				.query((rs, n) -> new Aggregates(rs.getLong("id"), rs.getBoolean("usage_drop"),
						rs.getBoolean("adoption_collapse"), rs.getInt("sev1"), (Integer) rs.getObject("oldest_unresolved_days"),
						rs.getInt("workarounds")))
				.list();
			Supplier<List<Finding>> pass = () -> database.findings(asOf);

			// Both read the same telemetry the same way: the rules' findings of these five rules are the baseline's.
			List<Finding> findings = pass.get();
			List<Aggregates> aggregates = baseline.get();
			Map<String, Long> byRule = findings.stream()
				.collect(Collectors.groupingBy(Finding::ruleId, TreeMap::new, Collectors.counting()));
			System.out.printf("As of %s: %,d findings of %,d accounts; by rule %s%n", asOf, findings.size(),
					findings.stream().map(Finding::accountId).distinct().count(), byRule);
			System.out.printf("Baseline: usage-drop %,d, adoption-collapse %,d, sev1-tickets %,d, sev1-unresolved %,d,"
					+ " repeated-workarounds %,d accounts%n", aggregates.stream().filter(Aggregates::usageDrop).count(),
					aggregates.stream().filter(Aggregates::adoptionCollapse).count(),
					aggregates.stream().filter(a -> a.sev1() >= 2).count(),
					aggregates.stream().filter(a -> a.oldestUnresolvedDays() != null).count(),
					aggregates.stream().filter(a -> a.workarounds() >= 3).count());

			double[] rulesSeconds = new double[RUNS];
			double[] baselineSeconds = new double[RUNS];
			for (int run = 0; run < RUNS; run++) {
				baselineSeconds[run] = time(baseline);
				rulesSeconds[run] = time(pass);
			}
			double rules = median(rulesSeconds);
			double floor = median(baselineSeconds);
			System.out.printf("%-62s %8s %8s%n", "median of " + RUNS + " after a warm-up, " + spec.accounts() + " accounts",
					"seconds", "ratio");
			System.out.printf("%-62s %8.2f %8.2f%n", "hand-written SQL, adoption and support aggregates (baseline)", floor, 1.0);
			System.out.printf("%-62s %8.2f %8.2f%n", "DetectionRules.findings, every rule of the playbook", rules,
					rules / floor);
			System.out.printf("runs: rules %s, baseline %s; targets: at most %.0f s (%s), at most %.1f x the baseline (%s)%n",
					format(rulesSeconds), format(baselineSeconds), TARGET_SECONDS, rules <= TARGET_SECONDS ? "met" : "missed",
					TARGET_RATIO, rules / floor <= TARGET_RATIO ? "met" : "missed");
		}
	}

	private static double time(Supplier<?> work) {
		long startedAt = System.nanoTime();
		work.get();
		return DetectionDatabase.seconds(startedAt);
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static String format(double[] values) {
		List<String> formatted = new ArrayList<>();
		for (double value : values) {
			formatted.add(String.format("%.2f", value));
		}
		return String.join(" ", formatted);
	}

}
