package io.riskdesk.risk;

import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.riskdesk.account.Money;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's figures (the portfolio PDF reads its ARR at risk and renewals too), read-only, in a few aggregate queries over the register and the
 * account module's published views. Weeks run Monday to Sunday in UTC.
 */
@Component
@Transactional(readOnly = true)
public class DashboardQuery {

	static final int WEEKS = 12;

	public static final int RENEWAL_DAYS = 90;

	/**
	 * ARR of the accounts with at least one unresolved risk of this severity, in one currency.
	 * An account with risks of two severities counts in both.
	 */
	public record ArrAtRisk(Severity severity, Money arr, int accounts) {
	}

	/**
	 * The ARR of every account with an unresolved rated risk, each once, converted into the
	 * reporting currency; accounts in a currency without a rate are counted apart, not added.
	 */
	public record ArrTotal(Money converted, int accounts, int withoutRate) {
	}

	record Count<T>(T value, long count) {
	}

	public record Renewal(long accountId, String account, LocalDate renewalDate, long daysToRenewal, Money arr,
			long unresolvedRisks, Severity highestSeverity) {
	}

	record Week(LocalDate start, long opened, long closed) {
	}

	private static final List<String> UNRESOLVED = RiskStatus.UNRESOLVED.stream().map(Enum::name).toList();

	/** Accounts with ARR and an unresolved rated risk: one row per severity they have such a risk of. */
	private static final String ACCOUNTS_AT_RISK = """
			select distinct r.severity, a.id, a.arr_amount, a.arr_currency
			from risk r join account_facts a on a.id = r.account_id
			where r.status in (:unresolved) and r.severity is not null and a.arr_amount is not null""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ReportingMoney money;

	DashboardQuery(JdbcClient jdbc, Clock clock, ReportingMoney money) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.money = money;
	}

	/**
	 * Unresolved risks per SLA status, every status present (zero when none). The view is read per
	 * risk ({@code offset 0} keeps it a subquery): joined, PostgreSQL aggregated every clock there is.
	 */
	Map<SlaStatus, Long> unresolvedBySlaStatus() {
		Map<SlaStatus, Long> counts = new EnumMap<>(SlaStatus.class);
		for (SlaStatus status : SlaStatus.values()) {
			counts.put(status, 0L);
		}
		jdbc.sql("""
				select coalesce(s.sla_status, 'ON_TRACK') as sla, count(*) as n
				from risk r
				left join lateral (select sla_status from sla_risk_status where risk_key = r.risk_key offset 0) s on true
				where r.status in (:unresolved) group by 1""")
			.param("unresolved", UNRESOLVED)
			.query((rs, n) -> Map.entry(SlaStatus.valueOf(rs.getString("sla")), rs.getLong("n")))
			.list()
			.forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
		return counts;
	}

	public List<ArrAtRisk> arrAtRisk() {
		return jdbc.sql("""
				select severity, arr_currency, sum(arr_amount) as arr, count(*) as accounts
				from (""" + ACCOUNTS_AT_RISK + """
				) per_account
				group by severity, arr_currency
				order by severity, arr_currency""")
			.param("unresolved", UNRESOLVED)
			.query((rs, n) -> new ArrAtRisk(Severity.valueOf(rs.getString("severity")),
					new Money(rs.getBigDecimal("arr"), Currency.getInstance(rs.getString("arr_currency").strip())),
					rs.getInt("accounts")))
			.list();
	}

	public ArrTotal arrAtRiskTotal() {
		return jdbc.sql("""
				select coalesce(sum(per_account.arr_amount * fx.rate), 0) as total, count(*) as accounts,
				       count(*) - count(fx.rate) as without_rate
				from (select distinct id, arr_amount, arr_currency from (""" + ACCOUNTS_AT_RISK + """
				) per_severity) per_account
				left join """ + money.sqlTable() + " on fx.currency = per_account.arr_currency")
			.param("unresolved", UNRESOLVED)
			.query((rs, n) -> new ArrTotal(
					new Money(rs.getBigDecimal("total").setScale(2, RoundingMode.HALF_UP), money.currency()),
					rs.getInt("accounts"), rs.getInt("without_rate")))
			.single();
	}

	List<Count<RiskCategory>> unresolvedByCategory() {
		Map<String, Long> counts = countBy("category", "where status in (:unresolved)");
		return counts.entrySet()
			.stream()
			.map(e -> new Count<>(RiskCategory.valueOf(e.getKey()), e.getValue()))
			.toList();
	}

	/** Every status, in workflow order, also those no risk is in. */
	List<Count<RiskStatus>> byStatus() {
		Map<String, Long> counts = countBy("status", "");
		return List.of(RiskStatus.values())
			.stream()
			.map(status -> new Count<>(status, counts.getOrDefault(status.name(), 0L)))
			.toList();
	}

	/** Accounts renewing within {@link #RENEWAL_DAYS} days that have unresolved risks, soonest first. */
	public List<Renewal> renewalsWithUnresolvedRisks() {
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql("""
				select a.id, a.name, a.renewal_date, a.time_zone, a.arr_amount, a.arr_currency,
				       count(*) as risks, min(r.severity) as highest
				from risk r join account_facts a on a.id = r.account_id
				where r.status in (:unresolved) and a.renewal_date between :today and :limit
				group by a.id, a.name, a.renewal_date, a.time_zone, a.arr_amount, a.arr_currency
				order by a.renewal_date, a.name""")
			.param("unresolved", UNRESOLVED)
			.param("today", Date.valueOf(today))
			.param("limit", Date.valueOf(today.plusDays(RENEWAL_DAYS)))
			.query((rs, n) -> {
				LocalDate renewal = rs.getObject("renewal_date", LocalDate.class);
				LocalDate localToday = LocalDate.now(clock.withZone(ZoneId.of(rs.getString("time_zone"))));
				String highest = rs.getString("highest");
				return new Renewal(rs.getLong("id"), rs.getString("name"), renewal,
						ChronoUnit.DAYS.between(localToday, renewal),
						rs.getBigDecimal("arr_amount") == null ? null
								: new Money(rs.getBigDecimal("arr_amount"),
										Currency.getInstance(rs.getString("arr_currency").strip())),
						rs.getLong("risks"), highest == null ? null : Severity.valueOf(highest));
			})
			.list();
	}

	/** Risks detected and risks closed per week, the last {@link #WEEKS} weeks including this one. */
	List<Week> openedAndClosedPerWeek() {
		LocalDate thisWeek = LocalDate.now(clock.withZone(ZoneOffset.UTC))
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate first = thisWeek.minusWeeks(WEEKS - 1);
		Map<LocalDate, Long> opened = perWeek("detected_at", first);
		Map<LocalDate, Long> closed = perWeek("closed_at", first);
		return IntStream.range(0, WEEKS)
			.mapToObj(first::plusWeeks)
			.map(week -> new Week(week, opened.getOrDefault(week, 0L), closed.getOrDefault(week, 0L)))
			.toList();
	}

	private Map<String, Long> countBy(String column, String where) {
		return jdbc.sql("select " + column + " as value, count(*) as n from risk " + where + " group by " + column
				+ " order by count(*) desc, " + column)
			.param("unresolved", UNRESOLVED)
			.query((rs, n) -> Map.entry(rs.getString("value"), rs.getLong("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, LinkedHashMap::new));
	}

	private Map<LocalDate, Long> perWeek(String column, LocalDate first) {
		return jdbc.sql("select date_trunc('week', " + column + " at time zone 'UTC')::date as week, count(*) as n "
				+ "from risk where " + column + " >= :from group by 1")
			.param("from", Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()))
			.query((rs, n) -> Map.entry(rs.getObject("week", LocalDate.class), rs.getLong("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
