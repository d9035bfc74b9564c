package io.riskdesk.signal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.riskdesk.playbook.DetectionPolicy;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Event-driven rules (sponsor left, budget freeze, health red, outage, …), all in one statement.
 * The latest event of a type counts while it is within the window, unless a clearing event
 * happened on a later day, or a risk of the same account and category was closed (not as a
 * duplicate) on or after the event's day: the register has dealt with it.
 */
class RuleEvents implements RuleFamily {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RuleEvents(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public List<Finding> find(DetectionPolicy policy, DetectionScope scope) {
		DetectionPolicy.Events events = policy.events();
		if (events.rules().isEmpty()) {
			return List.of();
		}
		List<Map<String, String>> rules = new ArrayList<>();
		List<Map<String, String>> clearing = new ArrayList<>();
		events.rules().forEach((type, rule) -> {
			rules.add(Map.of("type", type, "category", rule.category().name()));
			rule.clearedBy().forEach(counter -> clearing.add(Map.of("type", type, "counter", counter)));
		});
		return scope.sql(jdbc, """
				, rules as (
				    select * from jsonb_to_recordset(cast(:rules as jsonb)) as r(type text, category text)
				), clearing as (
				    select * from jsonb_to_recordset(cast(:clearing as jsonb)) as c(type text, counter text)
				), latest as (
				    select distinct on (e.account_id, e.type) e.account_id, e.type, e.occurred_on, e.note,
				           s.as_of, s.time_zone
				    from telemetry_event e join scope s on s.id = e.account_id
				    where e.type in (select type from rules)
				      and e.occurred_on <= s.as_of and e.occurred_on > s.as_of - :windowDays
				    order by e.account_id, e.type, e.occurred_on desc
				)
				select l.account_id, l.type, l.occurred_on, l.note, l.as_of
				from latest l join rules r on r.type = l.type
				where not exists (
				        select 1 from clearing c
				        join telemetry_event x on x.account_id = l.account_id and x.type = c.counter
				        where c.type = l.type and x.occurred_on > l.occurred_on and x.occurred_on <= l.as_of)
				  and not exists (
				        select 1 from risk_facts k
				        where k.account_id = l.account_id and k.category = r.category and k.duplicate_of is null
				          and k.closed_at >= (l.occurred_on::timestamp at time zone l.time_zone)
				          and k.closed_at < ((l.as_of + 1)::timestamp at time zone l.time_zone))
				order by l.account_id, l.type""")
			.param("rules", json.writeValueAsString(rules))
			.param("clearing", json.writeValueAsString(clearing))
			.param("windowDays", events.windowDays())
			.query((rs, n) -> {
				String type = rs.getString("type");
				LocalDate day = rs.getObject("occurred_on", LocalDate.class);
				long age = ChronoUnit.DAYS.between(day, rs.getObject("as_of", LocalDate.class));
				String note = rs.getString("note");
				Map<String, Object> measured = new LinkedHashMap<>();
				measured.put("event", type);
				measured.put("occurredOn", day.toString());
				measured.put("daysAgo", age);
				if (note != null) {
					measured.put("note", note);
				}
				return Finding.of(rs.getLong("account_id"), policy.rule(DetectionPolicy.eventRuleId(type)), day, measured,
						explanation(events, type, day, note, age), List.of("event " + day + " " + type));
			})
			.list();
	}

	/**
	 * "SPONSOR_LEFT on 2026-11-20 (Dana left), 3 days ago: within 30 days, no later …"; without
	 * {@code age} (a document not yet confirmed) the part saying how long ago is left out.
	 */
	static String explanation(DetectionPolicy.Events events, String type, LocalDate day, String note, Long age) {
		List<String> clearedBy = events.rules().get(type).clearedBy();
		return type + (day == null ? "" : " on " + day) + (note == null || note.isBlank() ? "" : " (" + note.strip() + ")")
				+ (age == null ? "" : ", " + (age == 0 ? "today" : FindingText.days(age) + " ago")) + ": within "
				+ events.windowDays() + " days" + (clearedBy.isEmpty() ? "" : ", no later " + String.join(" or ", clearedBy));
	}

}
