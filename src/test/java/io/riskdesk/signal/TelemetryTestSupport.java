package io.riskdesk.signal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import io.riskdesk.ApiFixtures;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Accounts with an external id, telemetry requests as the demo CSM, and row counts to prove nothing changed. */
final class TelemetryTestSupport {

	static final String CSV = "text/csv";

	static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	TelemetryTestSupport(MockMvc mvc, JdbcClient jdbc) {
		this.mvc = mvc;
		this.jdbc = jdbc;
	}

	record TestAccount(long id, String name, String externalId) {
	}

	/** An account in America/Chicago with a unique name and external id. */
	TestAccount account() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long id = fixtures.account("Telemetry Co", fixtures.person("Casey Telemetry"));
		String externalId = "CRM-" + UUID.randomUUID().toString().substring(0, 8);
		// The account API does not set external ids yet: a CRM sync would.
		jdbc.sql("update account set external_id = ? where id = ?").params(externalId, id).update();
		String name = jdbc.sql("select name from account where id = ?").param(id).query(String.class).single();
		return new TestAccount(id, name, externalId);
	}

	ResultActions send(String kind, String type, String body) throws Exception {
		return mvc.perform(post("/api/telemetry/" + kind).with(httpBasic("alex", "demo")).contentType(type).content(body));
	}

	long rows(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	long rows(String table, long accountId) {
		return jdbc.sql("select count(*) from " + table + " where account_id = ?").param(accountId).query(Long.class).single();
	}

	static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

}
