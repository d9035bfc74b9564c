package io.riskdesk.bench;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.zaxxer.hikari.HikariDataSource;
import io.riskdesk.similar.SimilarPastRisks;
import io.riskdesk.similar.SimilarRiskRanking;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Milliseconds of the similar-risks ranking ({@link SimilarRiskRanking}: what the app runs, tier counts and ranking)
 * over {@code closed} closed risks with varied text, against the baseline of the same run: a primary-key
 * read of the asked risk with its account, the cost floor of one round trip. A fresh embedded PostgreSQL
 * in a temporary directory (the app's default settings), migrated by the app's Flyway scripts; the risks
 * are loaded by one generate_series statement each for risks and evidence (random picks from fixed
 * vocabularies, seeded: the same text every run). Asked: closed risks at random and new open risks written from the same vocabulary.
 * Arguments: closed risks, asked risks (default 100,000 and 500), and optionally the JDBC URL of a database to
 * use instead (user and password in the URL): migrated, and loaded only if it holds no benchmark risks yet, so a
 * statement can be tried again without loading. Prints percentiles, the ratio and EXPLAIN ANALYZE of one statement.
 */
public final class SimilarRisksBenchmark {

	private static final double TARGET_P99_MS = 100;

	/** What a manager reads on a risk's page; {@code {1-5}} picks one of each list per risk. */
	private static final String LOAD_RISKS = """
			with vocabulary as (
			    select array['SSO login', 'data export', 'public API', 'webhook delivery', 'executive dashboard',
			                 'usage report', 'invoice run', 'billing portal', 'renewal quote', 'onboarding project',
			                 'Salesforce integration', 'nightly sync', 'mobile app', 'search index', 'email notifications',
			                 'role permissions', 'audit log', 'CSV import', 'page load time', 'SAML certificate',
			                 'data residency', 'sandbox environment', 'scheduled reports', 'user provisioning', 'SCIM sync'] as subjects,
			           array['fails', 'times out', 'is slow', 'drops records', 'shows wrong totals', 'stopped working',
			                 'returns 500 errors', 'is unused', 'was rejected', 'is blocked', 'keeps crashing', 'is late'] as symptoms,
			           array['after the upgrade', 'since the migration', 'for the EU tenant', 'for admins',
			                 'during month end', 'at peak hours', 'for new users', 'since the sponsor left',
			                 'after the price change', 'in the nightly batch', 'for the APAC team', 'on Safari'] as contexts,
			           array['The customer escalated through their account executive.', 'The sponsor asked for a post-mortem.',
			                 'Support opened several Sev-1 tickets in a week.', 'Adoption fell in the affected teams.',
			                 'The renewal is in the next quarter and procurement is involved.', 'A competitor is running a pilot.',
			                 'Engineering reproduced it in staging.', 'The workaround costs them two hours a day.',
			                 'Their CIO mentioned it in the QBR.', 'Legal asked about the contract terms.'] as context_sentences,
			           array['A connection pool too small for peak load', 'An expired certificate nobody owned',
			                 'A schema change shipped without a migration of old records', 'Rate limits set for the old plan',
			                 'A missing index on the reporting database', 'The sponsor left and nobody replaced them',
			                 'Onboarding skipped the admin training', 'A price increase without value review',
			                 'A regression in the release train', 'A misconfigured identity provider',
			                 'The integration user lost its permissions', 'A cron job ran twice', 'Disk full on the sync worker',
			                 'A timezone bug in the scheduler', 'Champion churned to a competitor'] as root_causes,
			           array['ADOPTION', 'PEOPLE', 'COMMERCIAL', 'SUPPORT', 'PRODUCT_FIT', 'SENTIMENT', 'INCIDENT'] as categories,
			           array['RETAINED', 'RETAINED', 'RETAINED', 'DOWNGRADED', 'CHURNED', 'EXPANDED'] as outcomes
			), picks as (
			    select i, v.*, now() - random() * interval '730 days' as detected_at,
			           random() * interval '40 days' + random() * interval '24 hours' as to_resolve,
			           1 + (random() * 1000)::int % 1000 as account, random() as r1, random() as r2, random() as r3,
			           random() as r4, random() as r5, random() as r6, random() as r7, random() as r8
			    from generate_series(1, :count) i, vocabulary v
			)
			insert into risk (risk_key, account_id, title, category, description, severity, status, source, detected_at,
			                  logged_at, triaged_at, resolved_at, closed_at, root_cause, outcome, version)
			select :prefix || lpad(i::text, 6, '0'), (select min(id) from account) + account - 1,
			       subjects[1 + (r1 * 25)::int % 25] || ' ' || symptoms[1 + (r2 * 12)::int % 12] || ' ' || contexts[1 + (r3 * 12)::int % 12],
			       categories[1 + (r4 * 7)::int % 7],
			       'The ' || subjects[1 + (r5 * 25)::int % 25] || ' ' || symptoms[1 + (r6 * 12)::int % 12] || ' too. '
			           || context_sentences[1 + (r7 * 10)::int % 10] || ' ' || context_sentences[1 + (r8 * 10)::int % 10],
			       'S' || (r8 * 4)::int % 4, :status, 'MANUAL', detected_at, detected_at, detected_at + interval '3 hours',
			       case when :status = 'CLOSED' then detected_at + to_resolve end,
			       case when :status = 'CLOSED' then detected_at + to_resolve + interval '2 days' end,
			       case when :status = 'CLOSED' then root_causes[1 + (r1 * r5 * 15)::int % 15] end,
			       case when :status = 'CLOSED' then outcomes[1 + (r2 * 6)::int % 6] end, 0
			from picks""";

	/** Two or three evidence lines per risk: the numbers that made someone log it. */
	private static final String LOAD_EVIDENCE = """
			insert into risk_evidence (risk_id, position, text)
			select r.id, n,
			       (array[x || ' Sev-1 tickets in 30 days', 'WAU down ' || x || '% in a month', x || ' failed syncs this week',
			              'NPS detractor score of ' || x, x || ' seats unused since the renewal', 'p95 latency of ' || x || '0 ms',
			              x || ' invoices disputed', 'Login failures for ' || x || ' users'])[1 + (r.id * 7 + n * 3) % 8]
			from risk r
			cross join generate_series(0, 1 + (r.id % 2)::int) n
			cross join lateral (select (10 + (r.id * 31 + n * 17) % 90)::text as x) number
			where r.risk_key like :prefix || '%'""";

	private static final String BASELINE = """
			select r.risk_key, r.title, a.name from risk_search_facts r join account_facts a on a.id = r.account_id
			where r.risk_key = :key""";

	private SimilarRisksBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int closed = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int asked = args.length > 1 ? Integer.parseInt(args[1]) : 500;
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		String jdbcUrl = args.length > 2 ? args[2] : null;
		try (EmbeddedPostgres postgres = jdbcUrl == null ? EmbeddedPostgres.builder().start() : null;
				HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(jdbcUrl != null ? jdbcUrl : postgres.getJdbcUrl("postgres", "postgres"));
			if (jdbcUrl == null) {
				dataSource.setUsername("postgres");
			}
			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
			JdbcClient jdbc = JdbcClient.create(dataSource);
			long startedAt = System.nanoTime();
			boolean loaded = jdbc.sql("select count(*) from risk where risk_key like 'BENCH-%'").query(Long.class).single() > 0;
			if (!loaded) {
				load(dataSource, jdbc, closed, asked);
			}
			System.out.printf("%s %,d closed risks (%,d evidence lines) and %,d open ones in %.1f s%n",
					loaded ? "Found" : "Loaded",
					jdbc.sql("select count(*) from risk where status = 'CLOSED'").query(Long.class).single(),
					jdbc.sql("select count(*) from risk_evidence").query(Long.class).single(),
					jdbc.sql("select count(*) from risk where risk_key like 'BENCH-O-%'").query(Long.class).single(),
					(System.nanoTime() - startedAt) / 1e9);
			List<String> keys = jdbc.sql("""
					(select risk_key from risk where status = 'CLOSED' order by md5(risk_key) limit :closed)
					union all (select risk_key from risk where risk_key like 'BENCH-O-%')""")
				.param("closed", asked - asked / 5)
				.query(String.class)
				.list();
			SimilarRiskRanking ranking = new SimilarRiskRanking(jdbc);
			Consumer<String> similar = key -> ranking.rank(key, SimilarPastRisks.LIMIT, (rs, n) -> rs.getString(1));
			Consumer<String> baseline = key -> jdbc.sql(BASELINE).param("key", key).query().listOfRows();
			time(keys, similar);
			time(keys, baseline); // warm-up of both
			double[] ranked = time(keys, similar);
			double[] read = time(keys, baseline);
			System.out.printf("%,d asked risks (%d open), ms          p50      p95      p99      max%n", keys.size(),
					keys.stream().filter(key -> key.startsWith("BENCH-O-")).count());
			print("primary-key read (baseline)", read);
			print("similar risks, top " + SimilarPastRisks.LIMIT, ranked);
			System.out.printf("ratio at p50: %.1f, at p99: %.1f; target p99 under %.0f ms: %s%n",
					percentile(ranked, 50) / percentile(read, 50), percentile(ranked, 99) / percentile(read, 99),
					TARGET_P99_MS, percentile(ranked, 99) < TARGET_P99_MS ? "met" : "NOT met");
			String example = keys.get(keys.size() - 1);
			// What the time depends on, whatever the machine's load: how many candidates the chosen tier ranks.
			double[] candidates = keys.stream().mapToDouble(key -> {
				String candidateTopic = ranking.topic(key);
				return candidateTopic == null ? 0 : ranking.candidates(key, candidateTopic, Long.MAX_VALUE);
			}).sorted().toArray();
			System.out.printf("candidates ranked per asked risk: p50 %.0f, p95 %.0f, p99 %.0f, max %.0f%n",
					percentile(candidates, 50), percentile(candidates, 95), percentile(candidates, 99),
					candidates[candidates.length - 1]);
			String topic = ranking.topic(example);
			System.out.println("EXPLAIN ANALYZE for " + example + ", candidates " + topic + ":");
			jdbc.sql("explain (analyze, buffers) " + SimilarRiskRanking.statement())
				.param("key", example)
				.param("topic", topic)
				.param("limit", SimilarPastRisks.LIMIT)
				.query(String.class)
				.list()
				.forEach(System.out::println);
		}
	}

	private static void load(HikariDataSource dataSource, JdbcClient jdbc, int closed, int asked) throws Exception {
		jdbc.sql("""
				insert into account (name, arr_amount, arr_currency, segment, country, time_zone, created_at, updated_at, version)
				select 'Bench account ' || i, 100000 + i * 1000, 'USD', 'ENTERPRISE', 'US', 'UTC', now(), now(), 0
				from generate_series(1, 1000) i""").update();
		// One connection: setseed makes random() repeat the same text in this session.
		try (Connection connection = dataSource.getConnection()) {
			JdbcClient session = JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true));
			session.sql("select setseed(0.42)").query().listOfRows();
			insert(session, "BENCH-C-", "CLOSED", closed);
			insert(session, "BENCH-O-", "OPEN", asked / 5);
		}
		jdbc.sql("vacuum analyze risk").update();
		jdbc.sql("vacuum analyze risk_evidence").update();
	}

	private static void insert(JdbcClient session, String prefix, String status, int count) {
		session.sql(LOAD_RISKS).param("prefix", prefix).param("status", status).param("count", count).update();
		session.sql(LOAD_EVIDENCE).param("prefix", prefix).update();
	}

	private static double[] time(List<String> keys, Consumer<String> query) {
		double[] millis = new double[keys.size()];
		List<String> order = new ArrayList<>(keys);
		for (int i = 0; i < order.size(); i++) {
			long startedAt = System.nanoTime();
			query.accept(order.get(i));
			millis[i] = (System.nanoTime() - startedAt) / 1e6;
		}
		Arrays.sort(millis);
		return millis;
	}

	private static double percentile(double[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}

	private static void print(String label, double[] sorted) {
		System.out.printf("%-36s %8.2f %8.2f %8.2f %8.2f%n", label, percentile(sorted, 50), percentile(sorted, 95),
				percentile(sorted, 99), sorted[sorted.length - 1]);
	}

}
