package io.riskdesk.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.riskdesk.account.Accounts;
import io.riskdesk.account.PersonDirectory;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.playbook.Severity;
import io.riskdesk.risk.Outcome;
import io.riskdesk.risk.ReportingMoney;
import io.riskdesk.risk.RiskSource;
import io.riskdesk.sla.ClockKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPI report's tables, each one SQL query over the risks the filter selects: risks detected
 * in the filter's days, not closed as a duplicate of another. Percentiles are PostgreSQL's
 * {@code percentile_cont}, which interpolates between the two nearest values.
 */
@Component
@Transactional(readOnly = true)
public class KpiReport {

	/** The default window: this many months back from the last day. */
	static final int DEFAULT_MONTHS = 12;

	/** Hours from detection, clock time (not business time); null without any risk that got there. */
	public record Figure(long risks, BigDecimal medianHours, BigDecimal p90Hours) {
	}

	/**
	 * One group of risks: {@code key} is the severity, the owner's person id or the detection month
	 * (yyyy-MM, UTC); null for risks without a severity or owner. {@code risks} counts the group.
	 */
	public record DurationRow(String key, String label, long risks, Figure timeToTriage, Figure timeToFirstResponse,
			Figure timeToResolve, Figure timeToClose) {
	}

	/**
	 * Clocks of the selected risks of one kind and severity (the one the clock counted under): met on time, met
	 * after they breached, breached and not met, still counting (running or paused); stopped clocks
	 * (the risk was resolved first) count in none. Compliance is on time of the decided ones
	 * (on time + late + breached), in percent with one decimal; null when none is decided.
	 */
	public record ComplianceRow(ClockKind clock, Severity severity, long metOnTime, long metLate, long breached,
			long counting, BigDecimal compliancePercent) {
	}

	public record SourceRow(RiskSource source, long risks) {
	}

	/**
	 * Closed risks with this outcome, the accounts they are on, and those accounts' ARR (today's,
	 * each account once) converted into the reporting currency; ARR in a currency without a rate
	 * is left out and its accounts counted.
	 */
	public record OutcomeRow(Outcome outcome, long risks, long accounts, BigDecimal arr, long accountsWithoutRate) {
	}

	/** The ways the duration tables group risks. */
	public enum Grouping {

		SEVERITY("r.severity", "r.severity", "key nulls last"),
		OWNER("r.owner_id::text", "p.name", "label nulls last, key"),
		MONTH("to_char(r.detected_at at time zone 'UTC', 'YYYY-MM')", "to_char(r.detected_at at time zone 'UTC', 'YYYY-MM')", "key");

		private final String key;

		private final String label;

		private final String order;

		Grouping(String key, String label, String order) {
			this.key = key;
			this.label = label;
			this.order = order;
		}

	}

	private static final String PERCENTILES = """
			count(r.%1$s) as %1$s_n,
			round((percentile_cont(0.5) within group (order by r.%1$s) / 3600)::numeric, 2) as %1$s_p50,
			round((percentile_cont(0.9) within group (order by r.%1$s) / 3600)::numeric, 2) as %1$s_p90""";

	private static final List<String> DURATIONS = List.of("seconds_to_triage", "seconds_to_first_response",
			"seconds_to_resolve", "seconds_to_close");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ReportingMoney money;

	private final Accounts accounts;

	private final PersonDirectory people;

	KpiReport(JdbcClient jdbc, Clock clock, ReportingMoney money, Accounts accounts, PersonDirectory people) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.money = money;
		this.accounts = accounts;
		this.people = people;
	}

	/** The query's filters checked and completed: from after to, or an unknown owner or account, is a 400. */
	public KpiFilter filter(KpiQuery query) {
		LocalDate to = query.to() != null ? query.to() : LocalDate.now(clock.withZone(ZoneOffset.UTC));
		LocalDate from = query.from() != null ? query.from() : to.minusMonths(DEFAULT_MONTHS);
		if (from.isAfter(to)) {
			throw new InvalidFieldException("from", "must not be after to (" + to + ")");
		}
		if (query.owner() != null && !people.exists(query.owner())) {
			throw new InvalidFieldException("owner", "is no person of the directory");
		}
		if (query.account() != null && !accounts.exists(query.account())) {
			throw new InvalidFieldException("account", "is no account");
		}
		return new KpiFilter(from, to, query.severity(), query.owner(), query.category(), query.account());
	}

	public String reportingCurrency() {
		return money.reportingCurrency();
	}

	public List<DurationRow> durations(KpiFilter filter, Grouping grouping) {
		Conditions where = new Conditions(filter);
		return jdbc.sql("select " + grouping.key + " as key, " + grouping.label + " as label, count(*) as risks, "
				+ String.join(", ", DURATIONS.stream().map(PERCENTILES::formatted).toList())
				+ " from risk r left join person_facts p on p.id = r.owner_id where true" + where.sql
				+ " group by 1, 2 order by " + grouping.order)
			.params(where.params)
			.query((rs, n) -> {
				Figure[] figures = new Figure[DURATIONS.size()];
				for (int i = 0; i < figures.length; i++) {
					String column = DURATIONS.get(i);
					figures[i] = new Figure(rs.getLong(column + "_n"), rs.getBigDecimal(column + "_p50"),
							rs.getBigDecimal(column + "_p90"));
				}
				String key = rs.getString("key");
				String label = key == null ? (grouping == Grouping.OWNER ? "No owner" : "Unrated") : rs.getString("label");
				return new DurationRow(key, label, rs.getLong("risks"), figures[0], figures[1], figures[2], figures[3]);
			})
			.list();
	}

	/**
	 * Every clock kind that has clocks on the selected risks, by the severity each clock counted
	 * under (a breach at S2 stays an S2 breach after the risk went to S0), as the sla module's own
	 * compliance figures; the risk's severity for a clock that has none.
	 */
	public List<ComplianceRow> slaCompliance(KpiFilter filter) {
		Conditions where = new Conditions(filter);
		return jdbc.sql("""
				select c.kind, coalesce(c.severity, r.severity) as severity,
				       count(*) filter (where c.state = 'MET') as on_time,
				       count(*) filter (where c.state = 'BREACHED' and c.met_at is not null) as late,
				       count(*) filter (where c.state = 'BREACHED' and c.met_at is null) as breached,
				       count(*) filter (where c.state in ('RUNNING', 'PAUSED')) as counting
				from sla_clock_facts c join risk r on r.risk_key = c.risk_key
				where true""" + where.sql + " group by 1, 2 order by array_position("
				+ textArray(ClockKind.values()) + ", c.kind), 2 nulls last")
			.params(where.params)
			.query((rs, n) -> {
				long onTime = rs.getLong("on_time");
				long decided = onTime + rs.getLong("late") + rs.getLong("breached");
				String severity = rs.getString("severity");
				return new ComplianceRow(ClockKind.valueOf(rs.getString("kind")),
						severity == null ? null : Severity.valueOf(severity), onTime, rs.getLong("late"),
						rs.getLong("breached"), rs.getLong("counting"),
						decided == 0 ? null : BigDecimal.valueOf(onTime * 100).divide(BigDecimal.valueOf(decided), 1,
								RoundingMode.HALF_UP));
			})
			.list();
	}

	/** Every source, also those no selected risk came from. */
	public List<SourceRow> sources(KpiFilter filter) {
		Conditions where = new Conditions(filter);
		return jdbc.sql("select s.source, count(r.id) as risks from unnest(" + textArray(RiskSource.values()) + ") with ordinality "
				+ "as s(source, position) left join risk r on r.source = s.source" + where.sql
				+ " group by s.source, s.position order by s.position")
			.params(where.params)
			.query((rs, n) -> new SourceRow(RiskSource.valueOf(rs.getString("source")), rs.getLong("risks")))
			.list();
	}

	/** Every outcome, also those no selected closed risk had. */
	public List<OutcomeRow> outcomes(KpiFilter filter) {
		Conditions where = new Conditions(filter);
		return jdbc.sql("""
				with closed as (
				    select r.outcome, r.account_id from risk r
				    where r.status = 'CLOSED' and r.outcome is not null""" + where.sql + """
				),
				per_account as (
				    select distinct c.outcome, a.id, a.arr_amount, a.arr_currency
				    from closed c join account_facts a on a.id = c.account_id
				)
				select o.outcome, o.position,
				       (select count(*) from closed c where c.outcome = o.outcome) as risks,
				       count(pa.id) as accounts,
				       coalesce(sum(pa.arr_amount * fx.rate), 0) as arr,
				       count(pa.id) filter (where pa.arr_amount is not null and fx.rate is null) as without_rate
				from unnest(""" + textArray(Outcome.values()) + ") with ordinality as o(outcome, position)"
				+ " left join per_account pa on pa.outcome = o.outcome left join " + money.sqlTable()
				+ " on fx.currency = pa.arr_currency group by o.outcome, o.position order by o.position")
			.params(where.params)
			.query((rs, n) -> new OutcomeRow(Outcome.valueOf(rs.getString("outcome")), rs.getLong("risks"),
					rs.getLong("accounts"), rs.getBigDecimal("arr").setScale(2, RoundingMode.HALF_UP),
					rs.getLong("without_rate")))
			.list();
	}

	/** An SQL array of the constants' names, to list every one in their order; enum names need no escaping. */
	private static String textArray(Enum<?>[] values) {
		return Stream.of(values).map(value -> "'" + value.name() + "'").collect(Collectors.joining(", ", "array[", "]"));
	}

	/** The filter as SQL conditions on {@code r} (each starting with " and "), with their parameters. */
	private static final class Conditions {

		private final String sql;

		private final Map<String, Object> params = new HashMap<>();

		Conditions(KpiFilter filter) {
			StringBuilder sql = new StringBuilder(
					" and r.detected_at >= :from and r.detected_at < :until and r.duplicate_of is null");
			params.put("from", Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
			params.put("until", Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
			if (!filter.severity().isEmpty()) {
				sql.append(" and r.severity in (:severities)");
				params.put("severities", filter.severity().stream().map(Enum::name).toList());
			}
			if (filter.owner() != null) {
				sql.append(" and r.owner_id = :owner");
				params.put("owner", filter.owner());
			}
			if (filter.category() != null) {
				sql.append(" and r.category = :category");
				params.put("category", filter.category().name());
			}
			if (filter.account() != null) {
				sql.append(" and r.account_id = :account");
				params.put("account", filter.account());
			}
			this.sql = sql.toString();
		}

	}

}
