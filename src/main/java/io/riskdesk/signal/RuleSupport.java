package io.riskdesk.signal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.riskdesk.playbook.DetectionPolicy;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Support: Sev-1 tickets piling up, a Sev-1 left unresolved, repeated workarounds. A ticket's
 * day is the day it was opened (or resolved) in the account's time zone.
 */
class RuleSupport implements RuleFamily {

	private final JdbcClient jdbc;

	RuleSupport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Finding> find(DetectionPolicy policy, DetectionScope scope) {
		DetectionPolicy.Support support = policy.support();
		List<Finding> findings = new ArrayList<>();
		findings.addAll(count(policy.rule(DetectionPolicy.SEV1_TICKETS), support.sev1Tickets(), "t.severity = 'SEV1'",
				"Sev-1 tickets", scope));
		findings.addAll(count(policy.rule(DetectionPolicy.REPEATED_WORKAROUNDS), support.workarounds(), "t.workaround",
				"tickets with a workaround", scope));
		findings.addAll(unresolved(policy.rule(DetectionPolicy.SEV1_UNRESOLVED), support.sev1Unresolved(), scope));
		return findings;
	}

	/** {@code count} or more tickets matching {@code condition} opened within the {@code days} ending on as_of. */
	private List<Finding> count(DetectionPolicy.Rule rule, DetectionPolicy.Count threshold, String condition,
			String what, DetectionScope scope) {
		return scope.sql(jdbc, """
				, opened as (
				    select t.account_id, t.ticket_id, (t.opened_at at time zone s.time_zone)::date as opened_on
				    from telemetry_ticket t join scope s on s.id = t.account_id
				    where %s
				      and t.opened_at >= ((s.as_of + 1 - :days)::timestamp at time zone s.time_zone)
				      and t.opened_at < ((s.as_of + 1)::timestamp at time zone s.time_zone)
				)
				select account_id, count(*) as tickets, max(opened_on) as latest,
				       array_agg(ticket_id order by opened_on, ticket_id) as ids,
				       array_agg(opened_on order by opened_on, ticket_id) as opened
				from opened
				group by account_id
				having count(*) >= :count
				order by account_id""".formatted(condition))
			.param("days", threshold.days())
			.param("count", threshold.count())
			.query((rs, n) -> {
				String[] ids = (String[]) rs.getArray("ids").getArray();
				List<LocalDate> opened = RuleFamily.dates(rs, "opened");
				List<String> listed = new ArrayList<>();
				List<String> records = new ArrayList<>();
				for (int i = 0; i < ids.length; i++) {
					listed.add(ids[i] + " on " + opened.get(i));
					records.add("ticket " + ids[i]);
				}
				long tickets = rs.getLong("tickets");
				Map<String, Object> measured = new LinkedHashMap<>();
				measured.put("tickets", tickets);
				measured.put("windowDays", threshold.days());
				measured.put("ticketIds", List.of(ids));
				return Finding.of(rs.getLong("account_id"), rule, rs.getObject("latest", LocalDate.class), measured,
						FindingText.count(tickets) + " " + what + " opened within " + FindingText.days(threshold.days()) + " ("
								+ String.join(", ", listed) + "): " + tickets + " ≥ " + threshold.count(),
						records);
			})
			.list();
	}

	/** A Sev-1 opened {@code days} or more before as_of and not resolved by the end of as_of. */
	private List<Finding> unresolved(DetectionPolicy.Rule rule, DetectionPolicy.Age threshold, DetectionScope scope) {
		return scope.sql(jdbc, """
				, unresolved as (
				    select t.account_id, t.ticket_id, (t.opened_at at time zone s.time_zone)::date as opened_on, s.as_of
				    from telemetry_ticket t join scope s on s.id = t.account_id
				    where t.severity = 'SEV1'
				      and t.opened_at < ((s.as_of + 1 - :days)::timestamp at time zone s.time_zone)
				      and (t.resolved_at is null or t.resolved_at >= ((s.as_of + 1)::timestamp at time zone s.time_zone))
				)
				select account_id, min(opened_on) as oldest,
				       array_agg(ticket_id order by opened_on, ticket_id) as ids,
				       array_agg(opened_on order by opened_on, ticket_id) as opened,
				       array_agg(as_of - opened_on order by opened_on, ticket_id) as ages
				from unresolved
				group by account_id
				order by account_id""")
			.param("days", threshold.days())
			.query((rs, n) -> {
				String[] ids = (String[]) rs.getArray("ids").getArray();
				List<LocalDate> opened = RuleFamily.dates(rs, "opened");
				List<Integer> ages = RuleFamily.integers(rs, "ages");
				List<String> explained = new ArrayList<>();
				List<String> records = new ArrayList<>();
				for (int i = 0; i < ids.length; i++) {
					explained.add("Sev-1 ticket " + ids[i] + " open since " + opened.get(i) + ", unresolved "
							+ FindingText.days(ages.get(i)) + ": " + ages.get(i) + " ≥ " + threshold.days());
					records.add("ticket " + ids[i]);
				}
				Map<String, Object> measured = new LinkedHashMap<>();
				measured.put("ticketIds", List.of(ids));
				measured.put("daysUnresolved", ages);
				return Finding.of(rs.getLong("account_id"), rule,
						rs.getObject("oldest", LocalDate.class).plusDays(threshold.days()), measured,
						String.join("; ", explained), records);
			})
			.list();
	}

}
