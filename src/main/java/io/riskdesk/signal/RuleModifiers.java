package io.riskdesk.signal;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.riskdesk.playbook.DetectionPolicy;
import io.riskdesk.playbook.Severity;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The renewal modifiers, applied after the rules. Renewal on as_of or within
 * {@code horizon-days} after it raises an S2/S3 finding one level ("renewal risk in the next
 * 60–90 days"). Renewal within {@code blocker-days}, while the account has an unresolved blocker,
 * makes an S1 finding S0 ("contract at D-30 with unresolved blocker"). A blocker is a finding of
 * the same pass whose base severity is S0/S1, or a risk of S0/S1 open on as_of (detected by then,
 * not yet resolved or closed then; its severity is today's).
 */
class RuleModifiers {

	private final JdbcClient jdbc;

	RuleModifiers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Renewal(LocalDate date, String blockerRisks) {
	}

	List<Finding> apply(DetectionPolicy.Renewal policy, DetectionScope scope, List<Finding> findings) {
		if (findings.isEmpty()) {
			return findings;
		}
		Map<Long, Renewal> renewals = new HashMap<>();
		scope.sql(jdbc, """
				select s.id, s.renewal_date,
				       (select string_agg('risk ' || k.risk_key || ' ' || k.severity, ', ' order by k.severity, k.risk_key)
				        from risk_facts k
				        where k.account_id = s.id and k.severity in ('S0', 'S1')
				          and k.detected_at < ((s.as_of + 1)::timestamp at time zone s.time_zone)
				          and coalesce(least(k.resolved_at, k.closed_at) >= ((s.as_of + 1)::timestamp at time zone s.time_zone), true)
				       ) as blocker_risks
				from scope s
				where s.renewal_date between s.as_of and s.as_of + :horizonDays""")
			.param("horizonDays", policy.horizonDays())
			.query((ResultSet rs) -> {
				renewals.put(rs.getLong("id"),
						new Renewal(rs.getObject("renewal_date", LocalDate.class), rs.getString("blocker_risks")));
			});
		Map<Long, List<String>> blockerFindings = new HashMap<>();
		findings.stream()
			.filter(f -> f.baseSeverity().compareTo(Severity.S1) <= 0)
			.forEach(f -> blockerFindings.computeIfAbsent(f.accountId(), a -> new ArrayList<>())
				.add("finding " + f.ruleId() + " " + f.baseSeverity()));
		return findings.stream().map(finding -> {
			Renewal renewal = renewals.get(finding.accountId());
			if (renewal == null) {
				return finding;
			}
			long days = ChronoUnit.DAYS.between(scope.asOf(), renewal.date());
			Finding modified = finding;
			if (modified.severity() == Severity.S2 || modified.severity() == Severity.S3) {
				Severity raised = Severity.values()[modified.severity().ordinal() - 1];
				modified = modified.withSeverity(raised, "renewal on " + renewal.date() + ", in " + FindingText.days(days)
						+ " (within " + policy.horizonDays() + "): " + modified.severity() + " → " + raised);
			}
			List<String> blockers = new ArrayList<>(blockerFindings.getOrDefault(finding.accountId(), List.of()));
			if (renewal.blockerRisks() != null) {
				blockers.add(renewal.blockerRisks());
			}
			if (days <= policy.blockerDays() && modified.severity() == Severity.S1 && !blockers.isEmpty()) {
				modified = modified.withSeverity(Severity.S0, "contract at D-" + days + " (renewal on " + renewal.date()
						+ ", within " + policy.blockerDays() + " days) with an unresolved blocker (" + String.join(", ", blockers)
						+ "): S1 → S0");
			}
			return modified;
		}).toList();
	}

}
