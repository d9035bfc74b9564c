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
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Base64;
import java.util.EnumSet;
import java.nio.charset.StandardCharsets;

import io.riskdesk.account.Money;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.core.InvalidFieldException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register list: filters, free text, sorting and paging in SQL. It reads the
 * account module's published views (account_facts, person_facts), the sla module's
 * (sla_risk_status), the plan module's (plan_risk_milestones), the concession module's
 * (concession_risk_status, concession_account_totals) and the progress module's
 * (progress_risk_status), not their tables.
 * <p>
 * A page is one statement (plus a count for numbered pages): an inner query finds the page's
 * risks with only the joins its filters and sort need, in an order an index can serve; the
 * outer one reads their columns for those rows alone. The grouped views are joined
 * {@code lateral}, so PostgreSQL looks them up per risk by key instead of aggregating every
 * clock and milestone first. An export reads the whole view in one streamed statement, where
 * aggregating the views once is the cheaper plan.
 */
@Component
class RegisterQuery {

	/** A sort key: the SQL expression it orders by, its SQL type (for a cursor's values) and whether it may be null. */
	private record Column(String sql, String type, boolean nullable, Join... joins) {
	}

	/** Sort keys the API accepts, and the column each one orders by. */
	static final Map<String, Column> SORTABLE = Map.ofEntries(
			Map.entry("key", new Column("r.risk_key", "text", false)),
			Map.entry("title", new Column("r.title", "text", false)),
			Map.entry("severity", new Column("r.severity", "text", true)),
			Map.entry("status", new Column("r.status", "text", false)),
			Map.entry("category", new Column("r.category", "text", false)),
			Map.entry("detectedAt", new Column("r.detected_at", "timestamptz", false)),
			Map.entry("account", new Column("a.name", "text", false, Join.ACCOUNT)),
			Map.entry("owner", new Column("p.name", "text", true, Join.OWNER)),
			// Converted into the reporting currency: a currency without a rate (and no ARR) sorts last.
			Map.entry("arrAtRisk", new Column("a.arr_amount * fx.rate", "numeric", true, Join.ACCOUNT, Join.RATE)),
			Map.entry("renewalDate", new Column("a.renewal_date", "date", true, Join.ACCOUNT)),
			Map.entry("nextDueAt", new Column("s.next_due_at", "timestamptz", true, Join.SLA)),
			Map.entry("slaStatus", new Column("coalesce(s.sla_status, 'ON_TRACK')", "text", false, Join.SLA)),
			Map.entry("progressDueAt", new Column("g.due_at", "timestamptz", true, Join.PROGRESS)));

	private static final Sort DEFAULT_SORT = Sort.by("severity").and(Sort.by(Sort.Direction.DESC, "detectedAt"));

	/**
	 * What the register reads beside the risk, in the order it is joined (the rates after the account).
	 * {@code offset 0} keeps PostgreSQL from pulling a lateral lookup up into a plain join with the
	 * grouped view, which it can only aggregate whole (1.7 s instead of 5 ms for a page at 100,000 risks).
	 */
	private enum Join {

		ACCOUNT("join account_facts a on a.id = r.account_id", null),
		OWNER("left join person_facts p on p.id = r.owner_id", null),
		SLA("left join lateral (select v.next_due_at, v.sla_status from sla_risk_status v where v.risk_key = r.risk_key offset 0) s on true",
				"left join sla_risk_status s on s.risk_key = r.risk_key"),
		PROGRESS("left join progress_risk_status g on g.risk_key = r.risk_key", null),
		MILESTONES("left join lateral (select v.overdue_milestones from plan_risk_milestones v where v.risk_key = r.risk_key offset 0) pm on true",
				"left join plan_risk_milestones pm on pm.risk_key = r.risk_key"),
		RATE(null, null);

		/** Looked up per risk: what a page of a few risks wants. */
		private final String perRisk;

		/** Aggregated once and hash-joined: what a whole view wants. */
		private final String whole;

		Join(String perRisk, String whole) {
			this.perRisk = perRisk;
			this.whole = whole == null ? perRisk : whole;
		}

	}

	/** The columns of a row of the list, read for the risks of {@code r} with every join. */
	private static final String COLUMNS = """
			r.risk_key, r.version, r.account_id, a.name as account_name, r.title, r.category, r.severity,
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
			""";

	/** Rows an export fetches from the database at a time: memory stays flat whatever the register holds. */
	private static final int EXPORT_FETCH_SIZE = 500;

	private final String rates;

	private final JdbcClient jdbc;

	private final JdbcClient streaming;

	private final Clock clock;

	RegisterQuery(JdbcTemplate jdbcTemplate, Clock clock, ReportingMoney money) {
		this.jdbc = JdbcClient.create(jdbcTemplate);
		JdbcTemplate fetching = new JdbcTemplate(jdbcTemplate.getDataSource());
		fetching.setFetchSize(EXPORT_FETCH_SIZE);
		this.streaming = JdbcClient.create(fetching);
		this.clock = clock;
		this.rates = "left join " + money.sqlTable() + " on fx.currency = a.arr_currency";
	}

	/** A numbered page with the total count of the view. */
	Page<RiskSummary> find(RiskQuery query, Pageable pageable) {
		Filter filter = filter(query);
		RiskScroll slice = slice(filter, pageable.getSort(), pageable.getPageSize(), pageable.getOffset(), null);
		// Counted only when the page does not tell the total by itself, as Spring Data's repositories do.
		return PageableExecutionUtils.getPage(slice.content(), pageable, () -> count(filter));
	}

	/**
	 * The rows after a cursor (null: the first rows), in the view's order, and the cursor of the
	 * last one when more follow: pages that stay as fast at the end of the view as at its start,
	 * and that neither skip nor repeat a risk when risks are logged or changed between them.
	 */
	RiskScroll scroll(RiskQuery query, Sort sort, int size, String after) {
		return slice(filter(query), sort, size, 0, after);
	}

	/** Every risk of a view, in its order, as one statement streamed from the database. */
	void stream(RiskQuery query, Sort sort, Consumer<RiskSummary> action) {
		Filter filter = filter(query);
		List<SortTerm> terms = terms(sort);
		Set<Join> joins = EnumSet.allOf(Join.class);
		streaming.sql("select " + COLUMNS + from(joins, false) + filter.where() + orderBy(terms, SortTerm::sql, "r.id"))
			.params(filter.params())
			.query((RowCallbackHandler) rs -> action.accept(summary(rs)));
	}

	private long count(Filter filter) {
		return jdbc.sql("select count(*) " + from(filter.joins(), true) + filter.where())
			.params(filter.params())
			.query(Long.class)
			.single();
	}

	private RiskScroll slice(Filter filter, Sort sort, int size, long offset, String after) {
		List<SortTerm> terms = terms(sort);
		Map<String, Object> params = new LinkedHashMap<>(filter.params());
		List<String> where = new ArrayList<>(filter.conditions());
		if (after != null) {
			where.add(Cursor.decode(after, terms).condition(terms, params));
		}
		Set<Join> innerJoins = EnumSet.noneOf(Join.class);
		innerJoins.addAll(filter.joins());
		terms.forEach(term -> innerJoins.addAll(List.of(term.column().joins())));
		StringBuilder keys = new StringBuilder("r.id");
		for (int i = 0; i < terms.size(); i++) {
			keys.append(", ").append(terms.get(i).sql()).append(" as k").append(i);
		}
		StringBuilder cursorValues = new StringBuilder();
		for (int i = 0; i < terms.size(); i++) {
			cursorValues.append(", page.k").append(i).append("::text as cursor_k").append(i);
		}
		String page = "select " + keys + " " + from(innerJoins, true) + where(where)
				+ orderBy(terms, SortTerm::sql, "r.id") + " limit :limit offset :offset";
		List<Map.Entry<RiskSummary, List<String>>> rows = jdbc
			.sql("select " + COLUMNS + cursorValues + ", r.id as cursor_id from (" + page + ") page\n"
					+ "join risk r on r.id = page.id\n" + joins(EnumSet.allOf(Join.class), true)
					+ orderBy(terms, term -> "page.k" + terms.indexOf(term), "page.id"))
			.params(params)
			.param("limit", size + 1)
			.param("offset", offset)
			.query((rs, n) -> {
				List<String> values = new ArrayList<>();
				for (int i = 0; i < terms.size(); i++) {
					values.add(rs.getString("cursor_k" + i));
				}
				values.add(Long.toString(rs.getLong("cursor_id")));
				return Map.entry(summary(rs), values);
			})
			.list();
		boolean more = rows.size() > size;
		List<Map.Entry<RiskSummary, List<String>>> shown = more ? rows.subList(0, size) : rows;
		String next = more ? new Cursor(signatureOf(terms), shown.get(size - 1).getValue()).encode() : null;
		return new RiskScroll(shown.stream().map(Map.Entry::getKey).toList(), next);
	}

	/** The filters of a query as SQL conditions, their parameters and the joins they read. */
	private record Filter(List<String> conditions, Map<String, Object> params, Set<Join> joins) {

		String where() {
			return RegisterQuery.where(conditions);
		}

	}

	private Filter filter(RiskQuery query) {
		LocalDate today = LocalDate.now(clock);
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		Set<Join> joins = EnumSet.noneOf(Join.class);
		// Stale is "due by now" by the application's clock: the view holds no now of its own.
		params.put("now", Timestamp.from(clock.instant()));
		anyOf("r.severity", query.severity(), where, params);
		anyOf("r.status", query.status(), where, params);
		anyOf("r.category", query.category(), where, params);
		anyOf("r.source", query.source(), where, params);
		if (!query.slaStatus().isEmpty()) {
			anyOf("coalesce(s.sla_status, 'ON_TRACK')", query.slaStatus(), where, params);
			joins.add(Join.SLA);
		}
		if (query.stale() != null) {
			where.add(query.stale() ? "g.due_at <= :now" : "(g.due_at is null or g.due_at > :now)");
			joins.add(Join.PROGRESS);
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
			joins.add(Join.MILESTONES);
		}
		if (query.renewalWithinDays() != null) {
			where.add("a.renewal_date between :today and :renewalLimit");
			params.put("today", Date.valueOf(today));
			params.put("renewalLimit", Date.valueOf(today.plusDays(query.renewalWithinDays())));
			joins.add(Join.ACCOUNT);
		}
		between("r.detected_at", query.detectedFrom(), query.detectedTo(), where, params);
		between("r.closed_at", query.closedFrom(), query.closedTo(), where, params);
		if (query.concessionsPending() != null) {
			where.add((query.concessionsPending() ? "" : "not ")
					+ "exists (select 1 from concession_risk_status c where c.risk_key = r.risk_key)");
		}
		if (query.q() != null && !query.q().isBlank()) {
			// One indexed search per column (V27's trigram indexes), united: an OR across the account join
			// could use none of them and read every risk.
			where.add("""
					r.id in (select id from risk where risk_key ilike :q union select id from risk where title ilike :q
					         union select id from risk where description ilike :q
					         union select x.id from risk x join account_facts xa on xa.id = x.account_id where xa.name ilike :q)""");
			params.put("q", "%" + escapeLike(query.q().strip()) + "%");
			joins.add(Join.ACCOUNT);
		}
		return new Filter(List.copyOf(where), params, joins);
	}

	private String from(Set<Join> joins, boolean perRisk) {
		return "from risk r\n" + joins(joins, perRisk);
	}

	private String joins(Set<Join> joins, boolean perRisk) {
		StringBuilder sql = new StringBuilder();
		if (joins.contains(Join.RATE)) {
			joins = EnumSet.copyOf(joins);
			joins.add(Join.ACCOUNT);
		}
		for (Join join : joins) {
			sql.append(join == Join.RATE ? rates : perRisk ? join.perRisk : join.whole).append('\n');
		}
		return sql.toString();
	}

	private static String where(List<String> conditions) {
		return conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions) + "\n";
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

	/** One term of the order: a sort key and its direction. */
	private record SortTerm(String property, Column column, boolean ascending) {

		String sql() {
			return column.sql();
		}

	}

	private static List<SortTerm> terms(Sort sort) {
		List<SortTerm> terms = new ArrayList<>();
		for (Sort.Order order : sort.isSorted() ? sort : DEFAULT_SORT) {
			Column column = SORTABLE.get(order.getProperty());
			if (column == null) {
				throw new InvalidFieldException("sort", "'" + order.getProperty() + "' is not sortable; use one of "
						+ SORTABLE.keySet().stream().sorted().toList());
			}
			terms.add(new SortTerm(order.getProperty(), column, order.isAscending()));
		}
		return terms;
	}

	/** Nulls last either way; "nulls last" only where a null can be, so that an index on a column serves both directions. */
	private static String orderBy(List<SortTerm> terms, Function<SortTerm, String> sql, String id) {
		List<String> order = new ArrayList<>();
		for (SortTerm term : terms) {
			order.add(sql.apply(term) + (term.ascending() ? " asc" : " desc")
					+ (term.column().nullable() ? " nulls last" : ""));
		}
		order.add(id);
		return "order by " + String.join(", ", order) + "\n";
	}

	/** What a cursor is valid for: the sort it was made in. */
	private static String signatureOf(List<SortTerm> terms) {
		return terms.stream()
			.map(term -> term.property() + (term.ascending() ? ",asc" : ",desc"))
			.collect(Collectors.joining(";"));
	}

	/**
	 * Where the last row of a page stood: the sort it was made in, that row's sort values (as
	 * PostgreSQL prints them, null for none) and its id, opaque to clients (base64url).
	 */
	private record Cursor(String signature, List<String> values) {

		private static final String SEPARATOR = "\u001f";

		private static final String NULL = "\u0000";

		String encode() {
			String text = signature + SEPARATOR
					+ values.stream().map(v -> v == null ? NULL : v).collect(Collectors.joining(SEPARATOR));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(String cursor, List<SortTerm> terms) {
			String[] parts;
			try {
				parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidFieldException("after", "is not a cursor this API gave out");
			}
			if (parts.length != terms.size() + 2 || !parts[parts.length - 1].matches("\\d{1,18}")) {
				throw new InvalidFieldException("after", "is not a cursor this API gave out");
			}
			if (!parts[0].equals(signatureOf(terms))) {
				throw new InvalidFieldException("after", "was made for the sort " + parts[0].replace(';', ' ')
						+ "; ask with that sort, or start again without after");
			}
			List<String> values = new ArrayList<>();
			for (int i = 1; i < parts.length; i++) {
				values.add(parts[i].equals(NULL) ? null : parts[i]);
			}
			return new Cursor(parts[0], values);
		}

		/**
		 * Rows after this one in the order: later on the first term, or equal on it and later on
		 * the next, and so on, then a higher id. Nulls sort last. The first term is bounded on its
		 * own as well, so an index on it starts the scan at the cursor rather than at the top.
		 */
		String condition(List<SortTerm> terms, Map<String, Object> params) {
			List<String> alternatives = new ArrayList<>();
			List<String> equalSoFar = new ArrayList<>();
			String bound = null;
			for (int i = 0; i < terms.size(); i++) {
				SortTerm term = terms.get(i);
				String value = values.get(i);
				String column = term.sql();
				String name = "after" + i;
				String param = "cast(:" + name + " as " + term.column().type() + ")";
				if (value != null) {
					params.put(name, value);
				}
				String later = value == null ? null
						: column + (term.ascending() ? " > " : " < ") + param
								+ (term.column().nullable() ? " or " + column + " is null" : "");
				if (later != null) {
					alternatives.add(and(equalSoFar, "(" + later + ")"));
				}
				String equal = value == null ? column + " is null" : column + " = " + param;
				if (i == 0) {
					bound = value == null ? equal
							: term.column().nullable() ? null : column + (term.ascending() ? " >= " : " <= ") + param;
				}
				equalSoFar.add(equal);
			}
			params.put("afterId", Long.parseLong(values.get(values.size() - 1)));
			alternatives.add(and(equalSoFar, "r.id > :afterId"));
			String condition = "(" + String.join(" or ", alternatives) + ")";
			return bound == null ? condition : bound + " and " + condition;
		}

		private static String and(List<String> equal, String last) {
			List<String> all = new ArrayList<>(equal);
			all.add(last);
			return "(" + String.join(" and ", all) + ")";
		}

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
