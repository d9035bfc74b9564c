package io.riskdesk.signal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.riskdesk.playbook.DetectionPolicy;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Adoption: WAU/MAU drops and collapse, persona under-use, first value slipping. */
class RuleAdoption implements RuleFamily {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RuleAdoption(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public List<Finding> find(DetectionPolicy policy, DetectionScope scope) {
		List<Finding> findings = new ArrayList<>(usage(policy, scope));
		findings.addAll(personas(policy, scope));
		findings.addAll(firstValue(policy, scope));
		return findings;
	}

	/**
	 * Both drop rules in one statement: each account's latest reported day against the days
	 * {@code usage-drop.days} and {@code collapse.days} before it. The comparisons stay exact in
	 * integers: (before - after) * 100 > percent * before.
	 */
	private List<Finding> usage(DetectionPolicy policy, DetectionScope scope) {
		DetectionPolicy.Adoption adoption = policy.adoption();
		DetectionPolicy.Rule dropRule = policy.rule(DetectionPolicy.USAGE_DROP);
		DetectionPolicy.Rule collapseRule = policy.rule(DetectionPolicy.ADOPTION_COLLAPSE);
		List<Finding> findings = new ArrayList<>();
		scope.sql(jdbc, """
				, latest as (
				    select s.id as account_id, u.day, u.wau, u.mau
				    from scope s
				    cross join lateral (
				        select day, wau, mau from telemetry_usage u
				        where u.account_id = s.id and u.day <= s.as_of
				        order by u.day desc limit 1) u
				), compared as (
				    select l.account_id, l.day, l.wau, l.mau,
				           d.day as drop_day, d.wau as drop_wau, d.mau as drop_mau,
				           c.day as collapse_day, c.wau as collapse_wau,
				           coalesce(d.wau >= :floor and (d.wau - l.wau)::bigint * 100 > :dropPercent * d.wau::bigint, false) as wau_dropped,
				           coalesce(d.mau >= :floor and (d.mau - l.mau)::bigint * 100 > :dropPercent * d.mau::bigint, false) as mau_dropped,
				           coalesce(c.wau >= :floor and (c.wau - l.wau)::bigint * 100 > :collapsePercent * c.wau::bigint, false) as collapsed
				    from latest l
				    -- Lookups by key; "limit 1" keeps the planner from hash-joining every usage row instead.
				    left join lateral (select day, wau, mau from telemetry_usage d
				        where d.account_id = l.account_id and d.day = l.day - :dropDays limit 1) d on true
				    left join lateral (select day, wau from telemetry_usage c
				        where c.account_id = l.account_id and c.day = l.day - :collapseDays limit 1) c on true
				)
				select * from compared where wau_dropped or mau_dropped or collapsed
				order by account_id""")
			.param("floor", adoption.floorUsers())
			.param("dropPercent", adoption.usageDrop().percent())
			.param("dropDays", adoption.usageDrop().days())
			.param("collapsePercent", adoption.collapse().percent())
			.param("collapseDays", adoption.collapse().days())
			.query((ResultSet rs) -> {
				long account = rs.getLong("account_id");
				LocalDate day = rs.getObject("day", LocalDate.class);
				if (rs.getBoolean("wau_dropped") || rs.getBoolean("mau_dropped")) {
					LocalDate before = rs.getObject("drop_day", LocalDate.class);
					Map<String, Object> measured = new LinkedHashMap<>();
					List<String> explained = new ArrayList<>();
					measured.put("day", day.toString());
					measured.put("earlierDay", before.toString());
					if (rs.getBoolean("wau_dropped")) {
						explained.add(drop("WAU", rs.getLong("wau"), day, rs.getLong("drop_wau"), before,
								adoption.usageDrop().percent(), measured));
					}
					if (rs.getBoolean("mau_dropped")) {
						explained.add(drop("MAU", rs.getLong("mau"), day, rs.getLong("drop_mau"), before,
								adoption.usageDrop().percent(), measured));
					}
					findings.add(Finding.of(account, dropRule, day, measured, String.join("; ", explained),
							List.of("usage " + day, "usage " + before)));
				}
				if (rs.getBoolean("collapsed")) {
					LocalDate before = rs.getObject("collapse_day", LocalDate.class);
					Map<String, Object> measured = new LinkedHashMap<>();
					measured.put("day", day.toString());
					measured.put("earlierDay", before.toString());
					String explanation = drop("WAU", rs.getLong("wau"), day, rs.getLong("collapse_wau"), before,
							adoption.collapse().percent(), measured);
					findings.add(Finding.of(account, collapseRule, day, measured, explanation,
							List.of("usage " + day, "usage " + before)));
				}
			});
		return findings;
	}

	/** "WAU 616 on 2026-03-03 vs 1,120 on 2026-02-17: −45.0% > 40%", and the values into {@code measured}. */
	private static String drop(String metric, long now, LocalDate day, long before, LocalDate earlier, int threshold,
			Map<String, Object> measured) {
		BigDecimal change = FindingText.changePercent(before, now);
		String key = metric.toLowerCase(Locale.ROOT);
		measured.put(key, now);
		measured.put("earlier" + metric.charAt(0) + key.substring(1), before);
		measured.put(key + "ChangePercent", change);
		return metric + " " + FindingText.count(now) + " on " + day + " vs " + FindingText.count(before) + " on " + earlier
				+ ": " + FindingText.percent(change) + " > " + threshold + "%";
	}

	/**
	 * Each target against the last {@code weeks} complete weeks (Monday to Sunday, ending on or
	 * before as_of). A week the account reported feature usage in, but not this pair, counts as
	 * 0 users; a week with no feature usage at all is no evidence either way.
	 */
	private List<Finding> personas(DetectionPolicy policy, DetectionScope scope) {
		DetectionPolicy.PersonaUnderuse underuse = policy.adoption().personaUnderuse();
		if (underuse.targets().isEmpty()) {
			return List.of();
		}
		DetectionPolicy.Rule rule = policy.rule(DetectionPolicy.PERSONA_UNDERUSE);
		record Missed(long account, String feature, String persona, int target, List<LocalDate> weeks,
				List<Integer> users) {
		}
		List<Missed> missed = scope.sql(jdbc, """
				, targets as (
				    select * from jsonb_to_recordset(cast(:targets as jsonb)) as t(feature text, persona text, weekly_users int)
				), weeks as (
				    select s.id as account_id, (s.as_of - 6) - (extract(isodow from s.as_of - 6)::int - 1) - 7 * g as week
				    from scope s cross join generate_series(0, :weeks - 1) g
				), reported as (
				    select distinct w.account_id, w.week
				    from weeks w join telemetry_feature_usage f on f.account_id = w.account_id and f.week = w.week
				), below as (
				    select r.account_id, t.feature, t.persona, t.weekly_users, r.week, f.users
				    from reported r cross join targets t
				    left join telemetry_feature_usage f on f.account_id = r.account_id and f.week = r.week
				         and f.feature = t.feature and f.persona = t.persona
				    where coalesce(f.users, 0) < t.weekly_users
				)
				select account_id, feature, persona, weekly_users,
				       array_agg(week order by week) as weeks, array_agg(users order by week) as users
				from below
				group by account_id, feature, persona, weekly_users
				having count(*) = :weeks
				order by account_id, feature, persona""")
			.param("targets", json.writeValueAsString(underuse.targets()
				.stream()
				.map(t -> Map.of("feature", t.feature(), "persona", t.persona(), "weekly_users", t.weeklyUsers()))
				.toList()))
			.param("weeks", underuse.weeks())
			.query((rs, n) -> new Missed(rs.getLong("account_id"), rs.getString("feature"), rs.getString("persona"),
					rs.getInt("weekly_users"), RuleFamily.dates(rs, "weeks"), RuleFamily.integers(rs, "users")))
			.list();
		Map<Long, List<Missed>> byAccount = new LinkedHashMap<>();
		missed.forEach(m -> byAccount.computeIfAbsent(m.account(), a -> new ArrayList<>()).add(m));
		List<Finding> findings = new ArrayList<>();
		byAccount.forEach((account, pairs) -> {
			List<String> explained = new ArrayList<>();
			List<String> records = new ArrayList<>();
			List<Map<String, Object>> measuredPairs = new ArrayList<>();
			for (Missed m : pairs) {
				List<String> counts = new ArrayList<>();
				for (int i = 0; i < m.weeks().size(); i++) {
					Integer users = m.users().get(i);
					counts.add((users == null ? "0" : FindingText.count(users)) + " in the week of " + m.weeks().get(i));
					if (users != null) {
						records.add("feature usage " + m.weeks().get(i) + " " + m.feature() + "/" + m.persona());
					}
				}
				explained.add(m.feature() + " by " + m.persona() + ": " + String.join(", ", counts) + " < target "
						+ m.target() + " a week");
				measuredPairs.add(Map.of("feature", m.feature(), "persona", m.persona(), "target", m.target(), "users",
						m.users().stream().map(u -> u == null ? 0 : u).toList()));
			}
			List<LocalDate> weeks = pairs.get(0).weeks();
			Map<String, Object> measured = new LinkedHashMap<>();
			measured.put("weeks", weeks.stream().map(LocalDate::toString).toList());
			measured.put("below", measuredPairs);
			findings.add(Finding.of(account, rule, weeks.get(weeks.size() - 1), measured, String.join("; ", explained),
					records));
		});
		return findings;
	}

	/** The due date has passed (due yesterday or earlier) and no FIRST_VALUE_REACHED on or before as_of. */
	private List<Finding> firstValue(DetectionPolicy policy, DetectionScope scope) {
		DetectionPolicy.Rule rule = policy.rule(DetectionPolicy.FIRST_VALUE_SLIPPING);
		return scope.sql(jdbc, """
				select s.id as account_id, s.first_value_due, s.as_of
				from scope s
				where s.first_value_due < s.as_of
				  and not exists (select 1 from telemetry_event e
				                  where e.account_id = s.id and e.type = :reached and e.occurred_on <= s.as_of)
				order by s.id""")
			.param("reached", DetectionPolicy.FIRST_VALUE_REACHED)
			.query((rs, n) -> {
				LocalDate due = rs.getObject("first_value_due", LocalDate.class);
				LocalDate asOf = rs.getObject("as_of", LocalDate.class);
				long late = ChronoUnit.DAYS.between(due, asOf);
				Map<String, Object> measured = new LinkedHashMap<>();
				measured.put("firstValueDue", due.toString());
				measured.put("daysLate", late);
				return Finding.of(rs.getLong("account_id"), rule, due.plusDays(1), measured,
						"first value was due on " + due + ", " + FindingText.days(late) + " ago, and no "
								+ DetectionPolicy.FIRST_VALUE_REACHED + " event by " + asOf,
						List.of("account first value due " + due));
			})
			.list();
	}

}
