package io.riskdesk.sla;

import java.time.LocalDate;

import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/** A milestone written without its event (as V13 migrates action items) gets its clock at start-up; undated and done ones none. */
@RiskdeskTest
@Transactional
class MilestoneClocksOnStartTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SlaClocks clocks;

	@Test
	void datedMilestonesStillToDoWithoutAClockGetOne() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		String key = fixtures.risk(fixtures.account("Migrated Co", fixtures.person("Migrated Owner")), "Old action items");
		long dated = migrated(key, "Call the CEO", LocalDate.now().plusDays(10), "TODO");
		long undated = migrated(key, "Send the summary", null, "TODO");
		long done = migrated(key, "Old task", LocalDate.now().plusDays(3), "DONE");

		clocks.startMissingMilestoneClocks();
		clocks.startMissingMilestoneClocks();

		assertThat(clockCount(dated)).isEqualTo(1);
		assertThat(clockCount(undated)).isZero();
		assertThat(clockCount(done)).isZero();
	}

	private long migrated(String key, String title, LocalDate due, String status) {
		return jdbc.sql("""
				insert into cap_milestone (risk_key, title, owner, due_date, status, created_at, created_by, position)
				values (:key, :title, 'Mark', :due, :status, now(), 'alex', 1) returning id""")
			.param("key", key)
			.param("title", title)
			.param("due", due == null ? null : java.sql.Date.valueOf(due))
			.param("status", status)
			.query(Long.class)
			.single();
	}

	private long clockCount(long milestoneId) {
		return jdbc.sql("select count(*) from sla_clock where milestone_id = :id").param("id", milestoneId).query(Long.class).single();
	}

}
