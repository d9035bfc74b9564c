package io.riskdesk.account;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names for the select boxes of pages (accounts, people), in one cheap query each over the
 * account module's published views.
 */
@Component
@Transactional(readOnly = true)
public class PickLists {

	public record Option(long id, String name) {
	}

	private final JdbcClient jdbc;

	PickLists(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Option> accounts() {
		return jdbc.sql("select id, name from account_facts order by lower(name), id")
			.query((rs, n) -> new Option(rs.getLong("id"), rs.getString("name")))
			.list();
	}

	public List<Option> people() {
		return jdbc.sql("select id, name from person_facts order by lower(name), id")
			.query((rs, n) -> new Option(rs.getLong("id"), rs.getString("name")))
			.list();
	}

}
