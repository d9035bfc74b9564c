package io.riskdesk.signal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.riskdesk.RiskdeskTest;
import io.riskdesk.signal.TelemetryTestSupport.TestAccount;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.riskdesk.signal.TelemetryTestSupport.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RiskdeskTest
class TelemetryPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theUploadPageIsForRiskWriters() throws Exception {
		mvc.perform(get("/telemetry").with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Upload telemetry"),
					containsString("<a href=\"/telemetry\" aria-current=\"page\">Telemetry</a>"),
					containsString("<option value=\"feature-usage\">feature-usage</option>"),
					containsString("account, ticket_id, severity, opened_at, resolved_at (optional), workaround, subject"))));
		// Readers get no link to it.
		mvc.perform(get("/playbook").with(user("jordan").roles("EXEC")))
			.andExpect(content().string(not(containsString("href=\"/telemetry\""))));
		mvc.perform(get("/telemetry").with(user("jordan").roles("EXEC")))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/access-denied"))
			.andExpect(request().attribute("riskdesk.requiredRoles", List.of("ADMIN", "CSM", "CS_LEADER", "CS_MANAGER")));
	}

	@Test
	void anUploadedFileShowsItsCounts() throws Exception {
		TestAccount account = new TelemetryTestSupport(mvc, jdbc).account();
		String csv = "account,day,active_users,wau,mau\n" + account.externalId() + "," + today().minusDays(2) + ",1,2,3\n";
		upload("usage", "usage.csv", csv).andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"Stored usage.csv as usage: 1 rows read, 1 inserted, 0 updated, 0 unchanged, 1 accounts changed.")));

		String json = "[{\"account\": \"" + account.name() + "\", \"occurred_on\": \"" + today().minusDays(2)
				+ "\", \"type\": \"REORG\"}]";
		upload("events", "events.JSON", json).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Stored events.JSON as events: 1 rows read, 1 inserted"),
					containsString("Detection: 1 new findings, 0 risen, 0 cleared."), containsString("Opened"))));
		assertThat(jdbc.sql("select type from telemetry_event where account_id = ?").param(account.id()).query(String.class).list())
			.containsExactly("REORG");
	}

	@Test
	void aFileWithWrongRowsListsThemAndStoresNothing() throws Exception {
		TestAccount account = new TelemetryTestSupport(mvc, jdbc).account();
		String csv = "account,day,active_users,wau,mau\n" + account.externalId() + "," + today().minusDays(2) + ",1,2,3\n"
				+ account.externalId() + ",yesterday,1,2,3\n";
		upload("usage", "usage.csv", csv).andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("usage.csv: Nothing was stored: 1 error"),
					containsString("<td>3</td>"), containsString("<td>day</td>"),
					containsString("<td>must be a date such as 2026-12-31</td>"))));
		assertThat(jdbc.sql("select count(*) from telemetry_usage where account_id = ?").param(account.id())
			.query(Long.class).single()).isZero();
	}

	/** A multipart upload declares no length of its own: the intake counts the file's bytes as it reads them. */
	@Test
	void aFileOverTheLimitIsRefusedWhileItIsRead() throws Exception {
		TestAccount account = new TelemetryTestSupport(mvc, jdbc).account();
		StringBuilder csv = new StringBuilder("account,day,active_users,wau,mau\n");
		for (int day = 1; csv.length() <= 1024 * 1024; day++) {
			csv.append(account.externalId()).append(',').append(today().minusDays(day % 3000 + 1)).append(",1,2,3\n");
		}
		upload("usage", "usage.csv", csv.toString()).andExpect(status().isPayloadTooLarge())
			.andExpect(content().string(containsString("The request is larger than 1048576 bytes")));
		assertThat(jdbc.sql("select count(*) from telemetry_usage where account_id = ?").param(account.id())
			.query(Long.class).single()).isZero();
	}

	@Test
	void noFileIsAskedFor() throws Exception {
		mvc.perform(multipart("/telemetry").param("kind", "usage").with(user("alex").roles("CSM")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose a file to upload")));
	}

	private ResultActions upload(String kind, String fileName, String content) throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", fileName, "application/octet-stream",
				content.getBytes(StandardCharsets.UTF_8));
		return mvc.perform(multipart("/telemetry").file(file).param("kind", kind).with(user("alex").roles("CSM")).with(csrf()));
	}

}
