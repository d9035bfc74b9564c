package io.riskdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.riskdesk.RiskdeskApplication;
import io.riskdesk.account.AccountForm;
import io.riskdesk.account.Accounts;
import io.riskdesk.account.Segment;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.risk.NewRisk;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskSource;
import io.riskdesk.timeline.TimelineEntry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A breach whose instant passes while Riskdesk is down fires once at the next start, even with
 * two nodes on one database. Real time: the clock is due
 * {@link #LEAD} after creation.
 */
class SlaSchedulerNodesTest {

	private static final Duration LEAD = Duration.ofSeconds(20);

	@Test
	void aMissedBreachFiresOnceAfterARestartWithTwoNodes() throws Exception {
		try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
			String url = database.getJdbcUrl("postgres", "postgres");
			String key;
			Instant due;
			try (ConfigurableApplicationContext node = node(url)) {
				long account = node.getBean(Accounts.class)
					.create(new AccountForm("Two Nodes Inc", null, LocalDate.of(2027, 1, 1), Segment.SMB, "US",
							ZoneId.of("America/New_York"), null, Map.of(), List.of(), null, null))
					.id();
				// S0 first response: 2 h of clock time from detection, so due LEAD from now: time enough, on a
				// loaded machine too, to log it and stop this node before it is due.
				Instant detected = Instant.now().minus(Duration.ofHours(2)).plus(LEAD);
				key = node.getBean(RiskRegister.class)
					.create(new NewRisk(account, "Outage for all users", RiskCategory.INCIDENT, null, Severity.S0, null,
							null, detected, null), RiskSource.MANUAL, "test")
					.key();
				due = detected.plus(Duration.ofHours(2));
				assertThat(breaches(node.getBean(RiskRegister.class).timeline(key))).as("not due before the stop").isEmpty();
			}
			Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()) + 1000);

			try (ConfigurableApplicationContext first = node(url); ConfigurableApplicationContext second = node(url)) {
				RiskRegister risks = first.getBean(RiskRegister.class);
				await().atMost(Duration.ofSeconds(60))
					.untilAsserted(() -> assertThat(breaches(risks.timeline(key))).hasSize(1));
				// Once no check of the risk's clocks is due any more (db-scheduler deletes a one-time task when done),
				// neither node can fire it again.
				JdbcClient jdbc = first.getBean(JdbcClient.class);
				await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
						select count(*) from scheduled_tasks t join sla_clock c on t.task_instance like c.id || '-%'
						where c.risk_key = :key and t.execution_time <= now()""").param("key", key).query(Long.class).single() == 0);
				assertThat(breaches(risks.timeline(key))).hasSize(1);
				assertThat(breaches(second.getBean(RiskRegister.class).timeline(key))).hasSize(1);
			}
		}
	}

	private static List<String> breaches(List<TimelineEntry> timeline) {
		return timeline.stream()
			.map(TimelineEntry::summary)
			.filter(summary -> summary.startsWith("SLA breached: first response"))
			.toList();
	}

	private static ConfigurableApplicationContext node(String url) {
		return new SpringApplicationBuilder(RiskdeskApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--db-scheduler.polling-interval=500ms");
	}

}
