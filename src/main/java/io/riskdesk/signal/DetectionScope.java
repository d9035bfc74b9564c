package io.riskdesk.signal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The accounts and the day one detection pass looks at. Every rule's statement starts from its
 * {@code scope} CTE: the accounts with their zone, dates and {@code as_of}; windows are measured
 * back from {@code as_of} and rows after it are ignored.
 *
 * @param accountIds the accounts to look at; null for every account
 */
record DetectionScope(LocalDate asOf, List<Long> accountIds) {

	DetectionScope {
		accountIds = accountIds == null ? null : List.copyOf(accountIds);
	}

	/** A statement whose SQL follows {@code with scope as (...)}: either ", more as (...) select ..." or " select ...". */
	JdbcClient.StatementSpec sql(JdbcClient jdbc, String rest) {
		JdbcClient.StatementSpec spec = jdbc.sql("""
				with scope as (
				    select a.id, a.time_zone, a.renewal_date, a.first_value_due, cast(:asOf as date) as as_of
				    from account_facts a %s
				)""".formatted(accountIds == null ? "" : "where a.id in (:ids)") + rest)
			.param("asOf", asOf);
		return accountIds == null ? spec : spec.param("ids", accountIds);
	}

}
