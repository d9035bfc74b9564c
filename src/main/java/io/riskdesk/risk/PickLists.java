package io.riskdesk.risk;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names for the select boxes of the risk pages (accounts, people), in one cheap query each
 * over the account module's published views.
 */
@Component
@Transactional(readOnly = true)
class PickLists {

	record Option(long id, String name) {
	}

	private final JdbcClient jdbc;

	PickLists(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Option> accounts() {
		return jdbc.sql("select id, name from account_facts order by lower(name), id")
			.query((rs, n) -> new Option(rs.getLong("id"), rs.getString("name")))
			.list();
	}

	List<Option> people() {
		return jdbc.sql("select id, name from person_facts order by lower(name), id")
			.query((rs, n) -> new Option(rs.getLong("id"), rs.getString("name")))
			.list();
	}

}
