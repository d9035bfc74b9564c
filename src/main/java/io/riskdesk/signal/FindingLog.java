package io.riskdesk.signal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.PlaybookVersion;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The log of findings: each pass runs the playbook's rules in force and records what they
 * found, idempotently. A finding already active for (account, rule) is refreshed, not
 * duplicated; an active finding the pass no longer finds is cleared. Only the accounts a pass
 * looked at are touched.
 */
@Service
public class FindingLog {

	/** How long the account's signals keep showing a cleared finding. */
	static final Duration RECENTLY_CLEARED = Duration.ofDays(90);

	private final DetectionRules rules;

	private final Playbook playbook;

	private final PlaybookVersion version;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ObjectReader measuredReader;

	private final Clock clock;

	FindingLog(DetectionRules rules, Playbook playbook, PlaybookVersion version, JdbcClient jdbc, JsonMapper json,
			Clock clock) {
		this.rules = rules;
		this.playbook = playbook;
		this.version = version;
		this.jdbc = jdbc;
		this.json = json;
		// Money and percentages stay exact when read back.
		this.measuredReader = json.readerFor(Map.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
		this.clock = clock;
	}

	/** A pass over every account as of {@code asOf}. */
	@Transactional
	public FindingPass pass(LocalDate asOf) {
		lock();
		return record(asOf, null, rules.findings(playbook.detection(), asOf));
	}

	/** A pass over these accounts only: other accounts' findings stay as they are. */
	@Transactional
	public FindingPass pass(LocalDate asOf, Collection<Long> accountIds) {
		lock();
		List<Long> ids = List.copyOf(accountIds);
		return record(asOf, ids, rules.findings(playbook.detection(), asOf, ids));
	}

	/** The account's active findings and those cleared within the last 90 days. */
	@Transactional(readOnly = true)
	public FindingReport report(long accountId) {
		List<FindingEntry> active = new ArrayList<>();
		List<FindingEntry> cleared = new ArrayList<>();
		jdbc.sql("""
				select * from signal_finding
				where account_id = :account and (cleared_at is null or cleared_at >= :since)
				order by cleared_at desc nulls first, severity, rule_id""")
			.param("account", accountId)
			.param("since", Timestamp.from(clock.instant().minus(RECENTLY_CLEARED)))
			.query(this::entry)
			.list()
			.forEach(entry -> (entry.clearedAt() == null ? active : cleared).add(entry));
		return new FindingReport(accountId, suggested(active), version.sha256(), active, cleared);
	}

	/** The findings that went to this risk, active and cleared, and the severity the active ones suggest. */
	@Transactional(readOnly = true)
	public RiskFindings ofRisk(String riskKey) {
		List<FindingEntry> active = new ArrayList<>();
		List<FindingEntry> cleared = new ArrayList<>();
		jdbc.sql("""
				select * from signal_finding where risk_key = :key
				order by cleared_at desc nulls first, severity, rule_id""")
			.param("key", riskKey)
			.query(this::entry)
			.list()
			.forEach(entry -> (entry.clearedAt() == null ? active : cleared).add(entry));
		return new RiskFindings(riskKey, suggested(active), version.sha256(), active, cleared);
	}

	private static Severity suggested(List<FindingEntry> active) {
		return Finding.suggestedSeverity(active.stream().map(FindingEntry::finding).toList()).orElse(null);
	}

	/** One pass at a time: two would both insert the same new finding, or clear each other's. */
	private void lock() {
		jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext('signal_finding'))").query(Integer.class).single();
	}

	/** Refresh, add and clear in one statement, from the pass's findings as one JSON document; changes by account, most severe first. */
	private FindingPass record(LocalDate asOf, List<Long> accountIds, List<Finding> found) {
		if (accountIds != null && accountIds.isEmpty()) {
			return new FindingPass(asOf, version.sha256(), List.of(), List.of(), List.of(), 0);
		}
		Instant now = clock.instant();
		var statement = jdbc.sql("""
				with found as (
				    select * from jsonb_to_recordset(cast(:found as jsonb)) as f(
				        account_id bigint, rule_id text, category text, base_severity text, severity text, fired_on date,
				        threshold text, explanation text, measured jsonb, record_ids text[], modifiers text[])
				), active as (
				    select id, account_id, rule_id, severity from signal_finding
				    where cleared_at is null %s
				), refreshed as (
				    update signal_finding t
				    set category = f.category, base_severity = f.base_severity, severity = f.severity,
				        fired_on = f.fired_on, threshold = f.threshold, explanation = f.explanation, measured = f.measured,
				        record_ids = f.record_ids, modifiers = f.modifiers, playbook_version = :version, last_found_at = :now
				    from found f join active a on a.account_id = f.account_id and a.rule_id = f.rule_id
				    where t.account_id = a.account_id and t.id = a.id
				    returning t.*, a.severity as before
				), added as (
				    insert into signal_finding (account_id, rule_id, category, base_severity, severity, fired_on, threshold,
				        explanation, measured, record_ids, modifiers, playbook_version, first_found_at, last_found_at)
				    select f.account_id, f.rule_id, f.category, f.base_severity, f.severity, f.fired_on, f.threshold,
				        f.explanation, f.measured, f.record_ids, f.modifiers, :version, :now, :now
				    from found f
				    where not exists (select 1 from active a where a.account_id = f.account_id and a.rule_id = f.rule_id)
				    returning *, null::text as before
				), cleared as (
				    update signal_finding t set cleared_at = :now
				    from active a
				    where t.account_id = a.account_id and t.id = a.id
				      and not exists (select 1 from found f where f.account_id = a.account_id and f.rule_id = a.rule_id)
				    returning t.*, null::text as before
				)
				select * from (
				    select 'ADDED' as change, * from added
				    union all
				    select case when severity < before then 'ESCALATED' else 'REFRESHED' end, * from refreshed
				    union all
				    select 'CLEARED', * from cleared
				) changes
				order by account_id, severity, rule_id""".formatted(accountIds == null ? "" : "and account_id in (:ids)"))
			.param("found", json.writeValueAsString(found.stream().map(FindingLog::row).toList()))
			.param("version", version.sha256())
			.param("now", Timestamp.from(now));
		if (accountIds != null) {
			statement = statement.param("ids", accountIds);
		}
		List<FindingEntry> added = new ArrayList<>();
		List<FindingPass.Escalated> escalated = new ArrayList<>();
		List<FindingEntry> cleared = new ArrayList<>();
		int[] refreshed = { 0 };
		statement.query((ResultSet rs) -> {
			FindingEntry entry = entry(rs, 0);
			switch (rs.getString("change")) {
				case "ADDED" -> added.add(entry);
				case "ESCALATED" -> escalated.add(new FindingPass.Escalated(entry, Severity.valueOf(rs.getString("before"))));
				case "CLEARED" -> cleared.add(entry);
				default -> refreshed[0]++;
			}
		});
		return new FindingPass(asOf, version.sha256(), added, escalated, cleared, refreshed[0]);
	}

	private static Map<String, Object> row(Finding finding) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("account_id", finding.accountId());
		row.put("rule_id", finding.ruleId());
		row.put("category", finding.category().name());
		row.put("base_severity", finding.baseSeverity().name());
		row.put("severity", finding.severity().name());
		row.put("fired_on", finding.firedOn().toString());
		row.put("threshold", finding.threshold());
		row.put("explanation", finding.explanation());
		row.put("measured", finding.measured());
		row.put("record_ids", finding.recordIds());
		row.put("modifiers", finding.modifiers());
		return row;
	}

	private FindingEntry entry(ResultSet rs, int rowNum) throws SQLException {
		Finding finding = new Finding(rs.getLong("account_id"), rs.getString("rule_id"),
				RiskCategory.valueOf(rs.getString("category")), Severity.valueOf(rs.getString("base_severity")),
				Severity.valueOf(rs.getString("severity")), rs.getObject("fired_on", LocalDate.class),
				rs.getString("threshold"), measuredReader.readValue(rs.getString("measured")), rs.getString("explanation"),
				List.of((String[]) rs.getArray("record_ids").getArray()),
				List.of((String[]) rs.getArray("modifiers").getArray()));
		Timestamp cleared = rs.getTimestamp("cleared_at");
		return new FindingEntry(rs.getLong("id"), finding, rs.getString("playbook_version"),
				rs.getTimestamp("first_found_at").toInstant(), rs.getTimestamp("last_found_at").toInstant(),
				cleared == null ? null : cleared.toInstant(), rs.getString("risk_key"));
	}

}
