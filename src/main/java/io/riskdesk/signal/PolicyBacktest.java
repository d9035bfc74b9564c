package io.riskdesk.signal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.riskdesk.core.InvalidFieldsException;
import io.riskdesk.playbook.DetectionPolicy;
import io.riskdesk.playbook.DetectionSection;
import io.riskdesk.playbook.PlaybookVersion;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.signal.BacktestResult.AccountResult;
import io.riskdesk.signal.BacktestResult.CategoryResult;
import io.riskdesk.signal.BacktestResult.Outcome;
import io.riskdesk.signal.BacktestResult.RuleFirst;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy backtest: the detection rules run as of every day of a range, once with the section
 * in force and once with an alternative, and the first days compared. A pure read.
 */
@Service
public class PolicyBacktest {

	/** A year, leap day included. */
	static final int MAX_DAYS = 366;

	/**
	 * Accounts × days at most: each day runs every rule twice, about 0.35 ms per account-day on 300
	 * generated accounts here (bench figures in docs/signals.md), so this is some 20 seconds.
	 */
	static final long MAX_ACCOUNT_DAYS = 50_000;

	private final DetectionRules rules;

	private final DetectionSection section;

	private final PlaybookVersion version;

	private final JdbcClient jdbc;

	private final Clock clock;

	PolicyBacktest(DetectionRules rules, DetectionSection section, PlaybookVersion version, JdbcClient jdbc, Clock clock) {
		this.rules = rules;
		this.section = section;
		this.version = version;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @param detection the alternative: the keys of playbook.yml's detection section it changes
	 * @param accountIds the accounts to compare, or null for all
	 * @throws InvalidFieldsException naming every wrong field at once
	 */
	// One snapshot for every day and both sides, so a write meanwhile cannot make them differ.
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public BacktestResult run(JsonNode detection, LocalDate from, LocalDate to, List<Long> accountIds) {
		Map<String, String> problems = new LinkedHashMap<>();
		DetectionPolicy alternative = null;
		try {
			alternative = section.alternative(detection);
		}
		catch (InvalidFieldsException ex) {
			problems.putAll(ex.reasons());
		}
		checkRange(from, to, problems);
		List<Long> accounts = accountIds == null ? null : accountIds.stream().distinct().toList();
		checkAccounts(accounts, problems);
		int compared = accounts != null ? accounts.size()
				: jdbc.sql("select count(*) from account_facts").query(Integer.class).single();
		if (problems.isEmpty() && compared * (ChronoUnit.DAYS.between(from, to) + 1) > MAX_ACCOUNT_DAYS) {
			problems.put("to", "must make at most " + MAX_ACCOUNT_DAYS + " account-days (" + compared + " accounts × "
					+ (ChronoUnit.DAYS.between(from, to) + 1) + " days): shorten the range or name fewer accounts");
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}

		Map<Long, Map<String, Fired>> inForce = new HashMap<>();
		Map<Long, Map<String, Fired>> other = new HashMap<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			record(findings(section.inForce(), day, accounts), day, inForce);
			record(findings(alternative, day, accounts), day, other);
		}
		List<AccountResult> results = compare(inForce, other);
		return new BacktestResult(from, to, new BacktestResult.InForce(version.sha256()),
				new BacktestResult.Alternative(section.tree(alternative), changes(alternative)), results,
				summary(compared, results));
	}

	private void checkRange(LocalDate from, LocalDate to, Map<String, String> problems) {
		LocalDate today = LocalDate.now(clock);
		if (from == null) {
			problems.put("from", "must not be null");
		}
		if (to == null) {
			problems.put("to", "must not be null");
		}
		else if (to.isAfter(today)) {
			problems.put("to", "must not be after today (" + today + ")");
		}
		if (from != null && to != null) {
			if (from.isAfter(to)) {
				problems.put("from", "must not be after to (" + to + ")");
			}
			else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
				problems.putIfAbsent("to", "must be at most " + MAX_DAYS + " days from the first day, both included ("
						+ (ChronoUnit.DAYS.between(from, to) + 1) + " asked)");
			}
		}
	}

	private void checkAccounts(List<Long> accounts, Map<String, String> problems) {
		if (accounts == null) {
			return;
		}
		if (accounts.isEmpty()) {
			problems.put("accountIds", "must name at least one account, or be left out for every account");
			return;
		}
		Set<Long> known = new TreeSet<>(jdbc.sql("select id from account_facts where id in (:ids)")
			.param("ids", accounts)
			.query(Long.class)
			.list());
		List<Long> unknown = accounts.stream().filter(id -> !known.contains(id)).toList();
		if (!unknown.isEmpty()) {
			problems.put("accountIds", "no account with id " + unknown.stream().map(String::valueOf)
				.reduce((a, b) -> a + ", " + b).orElseThrow());
		}
	}

	private List<Finding> findings(DetectionPolicy policy, LocalDate day, List<Long> accounts) {
		return accounts == null ? rules.findings(policy, day) : rules.findings(policy, day, accounts);
	}

	/** A rule's first finding in the range. */
	private record Fired(RiskCategory category, RuleFirst first) {
	}

	private static void record(List<Finding> findings, LocalDate day, Map<Long, Map<String, Fired>> firsts) {
		findings.forEach(finding -> firsts.computeIfAbsent(finding.accountId(), id -> new HashMap<>())
			.putIfAbsent(finding.ruleId(), new Fired(finding.category(),
					new RuleFirst(finding.ruleId(), day, finding.firedOn(), finding.severity()))));
	}

	private List<AccountResult> compare(Map<Long, Map<String, Fired>> inForce, Map<Long, Map<String, Fired>> other) {
		Set<Long> ids = new TreeSet<>(inForce.keySet());
		ids.addAll(other.keySet());
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, String> names = new HashMap<>();
		jdbc.sql("select id, name from account_facts where id in (:ids)")
			.param("ids", ids)
			.query((rs, row) -> names.put(rs.getLong("id"), rs.getString("name")))
			.list();
		List<AccountResult> results = new ArrayList<>();
		for (long id : ids) {
			Map<String, Fired> mine = inForce.getOrDefault(id, Map.of());
			Map<String, Fired> theirs = other.getOrDefault(id, Map.of());
			Set<RiskCategory> categories = EnumSet.noneOf(RiskCategory.class);
			mine.values().forEach(fired -> categories.add(fired.category()));
			theirs.values().forEach(fired -> categories.add(fired.category()));
			List<CategoryResult> byCategory = categories.stream()
				.map(category -> CategoryResult.of(category, rules(mine, category), rules(theirs, category)))
				.toList();
			results.add(new AccountResult(id, names.get(id), byCategory));
		}
		results.sort(Comparator.comparing(AccountResult::accountName).thenComparingLong(AccountResult::accountId));
		return results;
	}

	/** The rules of a category that fired, the first to fire first. */
	private static List<RuleFirst> rules(Map<String, Fired> fired, RiskCategory category) {
		return fired.values()
			.stream()
			.filter(f -> f.category() == category)
			.map(Fired::first)
			.sorted(Comparator.comparing(RuleFirst::first).thenComparing(RuleFirst::ruleId))
			.toList();
	}

	private List<BacktestResult.Change> changes(DetectionPolicy alternative) {
		Map<String, String> before = section.values(section.inForce());
		Map<String, String> after = section.values(alternative);
		Set<String> keys = new TreeSet<>(before.keySet());
		keys.addAll(after.keySet());
		return keys.stream()
			.filter(key -> !Objects.equals(before.get(key), after.get(key)))
			.map(key -> new BacktestResult.Change(key, before.get(key), after.get(key)))
			.toList();
	}

	private static BacktestResult.Summary summary(int accounts, List<AccountResult> results) {
		Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
		int differing = 0;
		for (AccountResult account : results) {
			account.categories().forEach(category -> counts.merge(category.outcome(), 1, Integer::sum));
			if (account.categories().stream().anyMatch(category -> category.outcome() != Outcome.SAME)) {
				differing++;
			}
		}
		return new BacktestResult.Summary(accounts, differing, counts.getOrDefault(Outcome.EARLIER, 0),
				counts.getOrDefault(Outcome.LATER, 0), counts.getOrDefault(Outcome.SAME, 0),
				counts.getOrDefault(Outcome.ONLY_IN_FORCE, 0), counts.getOrDefault(Outcome.ONLY_ALTERNATIVE, 0));
	}

}
