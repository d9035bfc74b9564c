package io.riskdesk.demo.dataset;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.riskdesk.RiskdeskTest;
import io.riskdesk.risk.RiskQuery;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskStatus;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A small generated data set loads into the app's schema (migrated into a schema of its own on the test
 * database, so the shared test data stays as it is) and the app's register query reads it.
 */
@RiskdeskTest
class DatasetLoaderTest {

	private static final DatasetSpec SPEC = new DatasetSpec(7, 40, 600, LocalDate.of(2026, 11, 29));

	@Autowired
	DataSource dataSource;

	@Autowired
	RiskRegister register;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	String schema;

	@BeforeEach
	void migrateASchemaOfItsOwn() {
		schema = "dataset_" + UUID.randomUUID().toString().substring(0, 8);
		Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration").load().migrate();
	}

	@AfterEach
	void dropIt() {
		jdbc.sql("drop schema " + schema + " cascade").update();
	}

	@Test
	void loadsIntoTheSchemaAndTheRegisterCountsItsRisksPerStatus() throws Exception {
		DatasetGenerator generator = new DatasetGenerator(SPEC);
		DatasetLoader.Report report = inSchema(connection -> DatasetLoader.load(connection, generator, false));

		Map<RiskStatus, Long> generated = new EnumMap<>(RiskStatus.class);
		int status = DatasetTable.RISK.columns().indexOf("status");
		generator.riskChunks()
			.flatMap(chunk -> chunk.get(DatasetTable.RISK).stream())
			.forEach(risk -> generated.merge(RiskStatus.valueOf((String) risk[status]), 1L, Long::sum));
		assertThat(report.rows().get(DatasetTable.RISK)).isEqualTo(600);
		assertThat(report.rows().get(DatasetTable.ACCOUNT)).isEqualTo(40);

		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			jdbc.sql("set local search_path to " + schema + ", public").update();
			assertThat(register.list(RiskQuery.all(), Pageable.ofSize(50)).getTotalElements()).isEqualTo(600);
			for (RiskStatus each : RiskStatus.values()) {
				RiskQuery query = new RiskQuery(null, EnumSet.of(each), null, null, null, null, null, null, null, null, null,
						null, null, null, null, null);
				assertThat(register.list(query, Pageable.ofSize(50)).getTotalElements()).as(each.name())
					.isEqualTo(generated.getOrDefault(each, 0L));
			}
			// The counters go on from the generated keys: the next key of the last year is not taken.
			Object[] last = generator.keyCounters().get(generator.keyCounters().size() - 1);
			String next = "RISK-%d-%04d".formatted(last[0], (int) last[1] + 1);
			assertThat(jdbc.sql("select count(*) from risk where risk_key = :key").param("key", next).query(Long.class).single())
				.isZero();
			assertThat(jdbc.sql("select last_value from risk_key_counter where year = :year").param("year", last[0])
				.query(Integer.class).single()).isEqualTo(last[1]);
			// Foreign keys and indexes were made again after the load.
			assertThat(jdbc.sql("""
					select count(*) from pg_constraint
					where conname = 'timeline_entry_risk_key_fkey' and connamespace = to_regnamespace(:schema)""")
				.param("schema", schema).query(Long.class).single()).isEqualTo(1);
		});
	}

	@Test
	void refusesADatabaseThatHoldsRisksUnlessToldToReplaceThem() throws Exception {
		inSchema(connection -> DatasetLoader.load(connection, new DatasetGenerator(SPEC), false));

		DatasetGenerator other = new DatasetGenerator(new DatasetSpec(8, 20, 100, SPEC.asOf()));
		assertThatThrownBy(() -> inSchema(connection -> DatasetLoader.load(connection, other, false)))
			.isInstanceOf(DatasetLoader.NotEmptyException.class)
			.hasMessageContaining("already holds 600 risks and 40 accounts")
			.hasMessageContaining("--replace");
		assertThat(count("risk")).isEqualTo(600);

		inSchema(connection -> DatasetLoader.load(connection, other, true));
		assertThat(count("risk")).isEqualTo(100);
		assertThat(count("account")).isEqualTo(20);
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + schema + "." + table).query(Long.class).single();
	}

	private interface Work<T> {

		T with(Connection connection) throws Exception;

	}

	/** On a connection of the pool whose search path is the test's schema while the work runs. */
	private <T> T inSchema(Work<T> work) throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("set search_path to " + schema + ", public");
			}
			try {
				return work.with(connection);
			}
			finally {
				try (Statement statement = connection.createStatement()) {
					statement.execute("reset search_path");
				}
			}
		}
	}

}
