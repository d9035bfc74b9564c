package io.riskdesk.notification;

import java.sql.Timestamp;
import java.time.Clock;

import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static io.riskdesk.ApiFixtures.as;
import static io.riskdesk.ApiFixtures.asAlex;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A manager sends a failed message again; the risk's timeline says who did. */
@RiskdeskTest
public class ResendApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	String key;

	long failed;

	@BeforeEach
	void setUp() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		key = fixtures.risk(fixtures.account("Resend Foods", fixtures.person("Riley Resend")), "Renewal at risk");
		failed = failedMessage(jdbc, clock, key, "Dana Fox");
	}

	/** A message whose five attempts failed, as the delivery worker leaves it. */
	public static long failedMessage(JdbcClient jdbc, Clock clock, String riskKey, String recipient) {
		return jdbc.sql("""
				insert into notification (idempotency_key, risk_key, trigger, occurrence, severity, channel, recipient_key,
				  recipient_name, recipient_role, side, address, template, subject, text_body, html_body, status, attempts,
				  next_attempt_at, last_error, created_at)
				values (:key, :risk, 'TRIAGED', 'test', 'S1', 'EMAIL', 'contact:dana@fox.example', :name, 'SPONSOR',
				  'CUSTOMER', 'dana@fox.example', 'customer-update', 'Update', 'Hello', '<p>Hello</p>', 'FAILED', 5, :now,
				  '550 mailbox unavailable', :now)
				returning id""")
			.param("key", riskKey + "|TRIAGED|test|" + System.nanoTime())
			.param("risk", riskKey)
			.param("name", recipient)
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	@Test
	void aManagerResendsAFailedMessageAndTheTimelineSaysWho() throws Exception {
		mvc.perform(as("morgan", post("/api/notifications/{id}/resend", failed)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(failed))
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.attempts").value(0))
			.andExpect(jsonPath("$.lastError").isEmpty());

		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.summary == 'Notification to Dana Fox by EMAIL queued again after 5 failed attempts (550 mailbox unavailable)')].actor",
					contains("morgan")))
			.andExpect(jsonPath("$[?(@.summary == 'Notification to Dana Fox by EMAIL queued again after 5 failed attempts (550 mailbox unavailable)')].kind",
					contains("NOTIFICATION")));

		// It is pending now, no longer failed: a second resend is refused.
		mvc.perform(as("casey", post("/api/notifications/{id}/resend", failed)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.status").value("PENDING"));
	}

	@Test
	void theWholeOutboxIsForManagersAndARisksMessagesForItsReaders() throws Exception {
		mvc.perform(asAlex(get("/api/notifications"))).andExpect(status().isForbidden());
		mvc.perform(asAlex(get("/api/notifications/{id}", failed))).andExpect(status().isForbidden());
		mvc.perform(as("morgan", get("/api/notifications")).param("status", "FAILED").param("riskKey", key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].id").value(failed))
			.andExpect(jsonPath("$.content[0].lastError").value("550 mailbox unavailable"));
		mvc.perform(as("morgan", get("/api/notifications/{id}", Long.MAX_VALUE))).andExpect(status().isNotFound());
		mvc.perform(as("jordan", get("/api/risks/{key}/notifications", key)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].status").value("FAILED"));
		mvc.perform(asAlex(get("/api/risks/{key}/notifications", "RISK-1900-0001"))).andExpect(status().isNotFound());
	}

	@Test
	void onlyManagersResendAndOnlyWhatExists() throws Exception {
		mvc.perform(asAlex(post("/api/notifications/{id}/resend", failed))).andExpect(status().isForbidden());
		mvc.perform(as("jordan", post("/api/notifications/{id}/resend", failed))).andExpect(status().isForbidden());
		mvc.perform(as("admin", post("/api/notifications/{id}/resend", Long.MAX_VALUE))).andExpect(status().isNotFound());
		mvc.perform(as("admin", post("/api/notifications/{id}/resend", failed))).andExpect(status().isOk());
	}

}
