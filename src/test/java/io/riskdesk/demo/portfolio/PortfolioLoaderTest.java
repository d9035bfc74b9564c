package io.riskdesk.demo.portfolio;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.riskdesk.RiskdeskTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loader on the test database, into a schema of its own migrated by Flyway (the application's
 * schema keeps the demo data and other tests' rows), dropped after each test.
 */
@RiskdeskTest
class PortfolioLoaderTest {

	private static final String SCHEMA = "portfolio_load";

	private final PortfolioGenerator generator = new PortfolioGenerator(PortfolioSpec.of(5, 50, 60));

	@Autowired
	DataSource dataSource;

	@AfterEach
	void dropSchema() {
		JdbcClient.create(dataSource).sql("drop schema if exists " + SCHEMA + " cascade").update();
	}

	@Test
	void loadsEveryRowOfTheGeneratedPortfolio() throws Exception {
		Map<String, Long> loaded = loadIntoEmptySchema();

		Map<String, Long> generated = new LinkedHashMap<>();
		generated.put("account", generator.accounts().count());
		generated.put("telemetry_usage", generator.usage().count());
		generated.put("telemetry_feature_usage", generator.featureUsage().count());
		generated.put("telemetry_ticket", generator.tickets().count());
		generated.put("telemetry_invoice", generator.invoices().count());
		generated.put("telemetry_survey", generator.surveys().count());
		generated.put("telemetry_event", generator.events().count());
		assertThat(loaded).isEqualTo(generated);
		assertThat(countRows()).isEqualTo(generated);
		assertThat(generated.get("telemetry_usage")).isEqualTo(50 * 60);

		JdbcClient jdbc = JdbcClient.create(dataSource);
		// 60 days to 2026-11-30 start on 2026-10-02: two month partitions.
		assertThat(jdbc.sql("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
				+ " where i.inhparent = cast('" + SCHEMA + ".telemetry_usage' as regclass) order by 1")
			.query(String.class)
			.list()).containsExactly("telemetry_usage_y2026m10", "telemetry_usage_y2026m11");
		PortfolioRow.Account first = generator.accounts().findFirst().orElseThrow();
		assertThat(jdbc.sql("select name, arr_amount, arr_currency, segment, time_zone, version from " + SCHEMA
				+ ".account where external_id = 'CRM-000001'")
			.query((rs, row) -> List.of(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getInt(6)))
			.single()).isEqualTo(List.of(first.name(), first.arrAmount(), first.arrCurrency(), first.segment().name(),
					first.timeZone(), 0));
		// Every telemetry row belongs to the account its file names.
		assertThat(jdbc.sql("select count(*) from " + SCHEMA + ".telemetry_ticket t join " + SCHEMA
				+ ".account a on a.id = t.account_id where t.ticket_id like 'TKT-' || substr(a.external_id, 5) || '-%'")
			.query(Long.class)
			.single()).isEqualTo(generated.get("telemetry_ticket"));
	}

	@Test
	void loadingAgainIntoAnEmptySchemaGivesTheSameRows() throws Exception {
		loadIntoEmptySchema();
		String first = fingerprint();
		dropSchema();

		loadIntoEmptySchema();

		assertThat(fingerprint()).isEqualTo(first);
	}

	private Map<String, Long> loadIntoEmptySchema() throws SQLException, IOException {
		Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration").load().migrate();
		try (Connection connection = dataSource.getConnection()) {
			try {
				execute(connection, "set search_path to " + SCHEMA);
				return PortfolioLoader.load(connection, generator);
			}
			finally {
				// The connection goes back to the application's pool.
				execute(connection, "reset search_path");
			}
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private Map<String, Long> countRows() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("account", "telemetry_usage", "telemetry_feature_usage", "telemetry_ticket",
				"telemetry_invoice", "telemetry_survey", "telemetry_event")) {
			counts.put(table, JdbcClient.create(dataSource)
				.sql("select count(*) from " + SCHEMA + "." + table)
				.query(Long.class)
				.single());
		}
		return counts;
	}

	/** A digest of every loaded row, accounts named by their external id (their ids may differ). */
	private String fingerprint() {
		return JdbcClient.create(dataSource).sql("""
				select md5(string_agg(line, E'\\n' order by line)) from (
				    select a::text as line from (select external_id, name, arr_amount, arr_currency, renewal_date,
				        segment, country, time_zone, first_value_due, created_at from %1$s.account) a
				    union all select a.external_id || u::text from %1$s.telemetry_usage u join %1$s.account a on a.id = u.account_id
				    union all select a.external_id || f::text from %1$s.telemetry_feature_usage f join %1$s.account a on a.id = f.account_id
				    union all select a.external_id || t::text from %1$s.telemetry_ticket t join %1$s.account a on a.id = t.account_id
				    union all select a.external_id || i::text from %1$s.telemetry_invoice i join %1$s.account a on a.id = i.account_id
				    union all select a.external_id || s::text from %1$s.telemetry_survey s join %1$s.account a on a.id = s.account_id
				    union all select a.external_id || e::text from %1$s.telemetry_event e join %1$s.account a on a.id = e.account_id
				) lines""".formatted(SCHEMA)).query(String.class).single();
	}

}
