package io.riskdesk.risk;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.riskdesk.account.Money;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.core.InvalidFieldException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register list: filters, free text, sorting and paging in one SQL query. It reads the
 * account module's published views (account_facts, person_facts), the sla module's
 * (sla_risk_status), the plan module's (plan_risk_milestones), the concession module's
 * (concession_risk_status, concession_account_totals) and the progress module's
 * (progress_risk_status), not their tables.
 */
@Component
class RegisterQuery {

	/** Sort keys the API accepts, and the column each one orders by. */
	static final Map<String, String> SORTABLE = Map.ofEntries(
			Map.entry("key", "r.risk_key"),
			Map.entry("title", "r.title"),
			Map.entry("severity", "r.severity"),
			Map.entry("status", "r.status"),
			Map.entry("category", "r.category"),
			Map.entry("detectedAt", "r.detected_at"),
			Map.entry("account", "a.name"),
			Map.entry("owner", "p.name"),
			// Converted into the reporting currency: a currency without a rate (and no ARR) sorts last.
			Map.entry("arrAtRisk", "a.arr_amount * fx.rate"),
			Map.entry("renewalDate", "a.renewal_date"),
			Map.entry("nextDueAt", "s.next_due_at"),
			Map.entry("slaStatus", "coalesce(s.sla_status, 'ON_TRACK')"),
			Map.entry("progressDueAt", "g.due_at"));

	private final String from;

	private final JdbcClient jdbc;

	private final Clock clock;

	RegisterQuery(JdbcClient jdbc, Clock clock, ReportingMoney money) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.from = """
				from risk r
				join account_facts a on a.id = r.account_id
				left join person_facts p on p.id = r.owner_id
				left join sla_risk_status s on s.risk_key = r.risk_key
				left join progress_risk_status g on g.risk_key = r.risk_key
				left join plan_risk_milestones pm on pm.risk_key = r.risk_key
				left join %s on fx.currency = a.arr_currency
				""".formatted(money.sqlTable());
	}

	Page<RiskSummary> find(RiskQuery query, Pageable pageable) {
		LocalDate today = LocalDate.now(clock);
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		// Stale is "due by now" by the application's clock: the view holds no now of its own.
		params.put("now", Timestamp.from(clock.instant()));
		anyOf("r.severity", query.severity(), where, params);
		anyOf("r.status", query.status(), where, params);
		anyOf("r.category", query.category(), where, params);
		anyOf("r.source", query.source(), where, params);
		anyOf("coalesce(s.sla_status, 'ON_TRACK')", query.slaStatus(), where, params);
		if (query.stale() != null) {
			where.add(query.stale() ? "g.due_at <= :now" : "(g.due_at is null or g.due_at > :now)");
		}
		if (query.ownerId() != null) {
			where.add("r.owner_id = :owner");
			params.put("owner", query.ownerId());
		}
		if (query.accountId() != null) {
			where.add("r.account_id = :account");
			params.put("account", query.accountId());
		}
		if (Boolean.TRUE.equals(query.overdueMilestones())) {
			where.add("pm.overdue_milestones > 0");
		}
		if (query.renewalWithinDays() != null) {
			where.add("a.renewal_date between :today and :renewalLimit");
			params.put("today", Date.valueOf(today));
			params.put("renewalLimit", Date.valueOf(today.plusDays(query.renewalWithinDays())));
		}
		between("r.detected_at", query.detectedFrom(), query.detectedTo(), where, params);
		between("r.closed_at", query.closedFrom(), query.closedTo(), where, params);
		if (query.concessionsPending() != null) {
			where.add((query.concessionsPending() ? "" : "not ")
					+ "exists (select 1 from concession_risk_status c where c.risk_key = r.risk_key)");
		}
		if (query.q() != null && !query.q().isBlank()) {
			where.add("(r.risk_key ilike :q or r.title ilike :q or r.description ilike :q or a.name ilike :q)");
			params.put("q", "%" + escapeLike(query.q().strip()) + "%");
		}
		String filter = where.isEmpty() ? "" : "where " + String.join(" and ", where) + "\n";

		long total = jdbc.sql("select count(*) " + from + filter).params(params).query(Long.class).single();
		List<RiskSummary> rows = jdbc.sql("""
				select r.risk_key, r.version, r.account_id, a.name as account_name, r.title, r.category, r.severity,
				       r.status, r.source, r.owner_id, p.name as owner_name, p.email as owner_email,
				       a.arr_amount, a.arr_currency, a.renewal_date, a.time_zone, r.detected_at,
				       s.next_due_at, coalesce(s.sla_status, 'ON_TRACK') as sla_status, g.due_at as progress_due_at,
				       case when g.due_at <= :now then g.due_at end as stale_since,
				       (select count(*) from risk_blocker b where b.risk_id = r.id and b.cleared_at is null) as open_blockers,
				       coalesce(pm.overdue_milestones, 0) as overdue_milestones,
				       (select array_agg(t.currency::text order by t.currency) from concession_account_totals t
				        where t.account_id = r.account_id and t.approved > 0) as concession_currencies,
				       (select array_agg(t.approved order by t.currency) from concession_account_totals t
				        where t.account_id = r.account_id and t.approved > 0) as concession_amounts
				""" + from + filter + orderBy(pageable.getSort()) + " limit :limit offset :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, n) -> summary(rs))
			.list();
		return new PageImpl<>(rows, pageable, total);
	}

	/** Adds "column falls on one of the days from .. to" (UTC, both inclusive) for the bounds given. */
	private static void between(String column, LocalDate from, LocalDate to, List<String> where,
			Map<String, Object> params) {
		if (from != null) {
			String name = "p" + params.size();
			where.add(column + " >= :" + name);
			params.put(name, java.sql.Timestamp.from(from.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
		}
		if (to != null) {
			String name = "p" + params.size();
			where.add(column + " < :" + name);
			params.put(name, java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
		}
	}

	/** Adds "column is one of these values" unless no value was asked for. */
	private static void anyOf(String column, Set<? extends Enum<?>> values, List<String> where,
			Map<String, Object> params) {
		if (!values.isEmpty()) {
			String name = "p" + params.size();
			where.add(column + " in (:" + name + ")");
			params.put(name, values.stream().map(Enum::name).toList());
		}
	}

	private static String orderBy(Sort sort) {
		List<String> terms = new ArrayList<>();
		for (Sort.Order order : sort.isSorted() ? sort : Sort.by("severity").and(Sort.by(Sort.Direction.DESC, "detectedAt"))) {
			String column = SORTABLE.get(order.getProperty());
			if (column == null) {
				throw new InvalidFieldException("sort", "'" + order.getProperty() + "' is not sortable; use one of "
						+ SORTABLE.keySet().stream().sorted().toList());
			}
			terms.add(column + (order.isAscending() ? " asc" : " desc") + " nulls last");
		}
		terms.add("r.id");
		return "order by " + String.join(", ", terms);
	}

	private RiskSummary summary(ResultSet rs) throws SQLException {
		LocalDate renewal = rs.getObject("renewal_date", LocalDate.class);
		long ownerId = rs.getLong("owner_id");
		RiskDetails.PersonRef owner = rs.wasNull() ? null
				: new RiskDetails.PersonRef(ownerId, rs.getString("owner_name"), rs.getString("owner_email"));
		String severity = rs.getString("severity");
		return new RiskSummary(rs.getString("risk_key"), rs.getInt("version"),
				new RiskDetails.AccountRef(rs.getLong("account_id"), rs.getString("account_name")), rs.getString("title"),
				RiskCategory.valueOf(rs.getString("category")), severity == null ? null : Severity.valueOf(severity),
				RiskStatus.valueOf(rs.getString("status")), RiskSource.valueOf(rs.getString("source")), owner,
				rs.getBigDecimal("arr_amount") == null ? null
						: new Money(rs.getBigDecimal("arr_amount"), Currency.getInstance(rs.getString("arr_currency").strip())),
				renewal, renewal == null ? null
						: ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(ZoneId.of(rs.getString("time_zone")))), renewal),
				rs.getTimestamp("detected_at").toInstant(), rs.getInt("open_blockers"),
				rs.getTimestamp("next_due_at") == null ? null : rs.getTimestamp("next_due_at").toInstant(),
				SlaStatus.valueOf(rs.getString("sla_status")), approvedConcessions(rs), instant(rs, "progress_due_at"),
				instant(rs, "stale_since"), rs.getInt("overdue_milestones"));
	}

	/** The account's approved concessions, one amount per currency, in the order of their codes. */
	private static List<Money> approvedConcessions(ResultSet rs) throws SQLException {
		java.sql.Array currencies = rs.getArray("concession_currencies");
		if (currencies == null) {
			return List.of();
		}
		String[] codes = (String[]) currencies.getArray();
		java.math.BigDecimal[] amounts = (java.math.BigDecimal[]) rs.getArray("concession_amounts").getArray();
		List<Money> approved = new ArrayList<>();
		for (int i = 0; i < codes.length; i++) {
			approved.add(new Money(amounts[i], Currency.getInstance(codes[i].strip())));
		}
		return List.copyOf(approved);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
