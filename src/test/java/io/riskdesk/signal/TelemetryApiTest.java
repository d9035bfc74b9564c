package io.riskdesk.signal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.stream.Stream;

import io.riskdesk.RiskdeskTest;
import io.riskdesk.signal.TelemetryTestSupport.TestAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static io.riskdesk.signal.TelemetryTestSupport.CSV;
import static io.riskdesk.signal.TelemetryTestSupport.JSON;
import static io.riskdesk.signal.TelemetryTestSupport.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RiskdeskTest
class TelemetryApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	TelemetryTestSupport support;

	@BeforeEach
	void setUp() {
		support = new TelemetryTestSupport(mvc, jdbc);
	}

	/** A file of each kind: in CSV, the same rows in JSON, and the JSON with one value changed. */
	record Sample(String kind, String table, String csv, String json, String changedJson) {

		String csv(String account) {
			return fill(csv, account);
		}

		String json(String account) {
			return fill(json, account);
		}

		String changedJson(String account) {
			return fill(changedJson, account);
		}

		private static String fill(String text, String account) {
			LocalDate monday = today().minusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			return text.replace("{a}", account)
				.replace("{d1}", today().minusDays(10).toString())
				.replace("{d2}", today().minusDays(9).toString())
				.replace("{monday}", monday.toString());
		}

		@Override
		public String toString() {
			return kind;
		}

	}

	static Stream<Sample> samples() {
		return Stream.of(new Sample("usage", "telemetry_usage", """
				account,day,active_users,wau,mau
				{a},{d1},5,10,20
				{a},{d2},6,11,21
				""", """
				[{"account": "{a}", "day": "{d1}", "active_users": 5, "wau": 10, "mau": 20},
				 {"day": "{d2}", "account": "{a}", "active_users": 6, "wau": 11, "mau": 21}]""", """
				[{"account": "{a}", "day": "{d1}", "active_users": 5, "wau": 10, "mau": 20},
				 {"account": "{a}", "day": "{d2}", "active_users": 6, "wau": 11, "mau": 22}]"""),
				new Sample("feature-usage", "telemetry_feature_usage", """
						account,week,feature,persona,users
						{a},{monday},reports,admin,3
						{a},{monday},reports,analyst,7
						""", """
						[{"account": "{a}", "week": "{monday}", "feature": "reports", "persona": "admin", "users": 3},
						 {"account": "{a}", "week": "{monday}", "feature": "reports", "persona": "analyst", "users": 7}]""", """
						[{"account": "{a}", "week": "{monday}", "feature": "reports", "persona": "admin", "users": 3},
						 {"account": "{a}", "week": "{monday}", "feature": "reports", "persona": "analyst", "users": 8}]"""),
				new Sample("tickets", "telemetry_ticket", """
						account,ticket_id,severity,opened_at,resolved_at,workaround,subject
						{a},T-1,SEV1,{d1}T09:00:00Z,{d2}T10:00:00Z,false,Login fails
						{a},T-2,SEV3,{d1}T11:00,,TRUE,Slow export
						""", """
						[{"account": "{a}", "ticket_id": "T-1", "severity": "SEV1", "opened_at": "{d1}T09:00:00Z",
						  "resolved_at": "{d2}T10:00:00Z", "workaround": false, "subject": "Login fails"},
						 {"account": "{a}", "ticket_id": "T-2", "severity": "SEV3", "opened_at": "{d1}T11:00",
						  "resolved_at": null, "workaround": true, "subject": "Slow export"}]""", """
						[{"account": "{a}", "ticket_id": "T-1", "severity": "SEV1", "opened_at": "{d1}T09:00:00Z",
						  "resolved_at": "{d2}T10:00:00Z", "workaround": false, "subject": "Login fails"},
						 {"account": "{a}", "ticket_id": "T-2", "severity": "SEV3", "opened_at": "{d1}T11:00",
						  "resolved_at": "{d2}T12:00:00+02:00", "workaround": true, "subject": "Slow export"}]"""),
				new Sample("invoices", "telemetry_invoice", """
						account,invoice_no,amount,currency,due_date,paid_date
						{a},INV-1,1250.50,USD,{d1},{d2}
						{a},INV-2,99,EUR,{d2},
						""", """
						[{"account": "{a}", "invoice_no": "INV-1", "amount": 1250.5, "currency": "USD", "due_date": "{d1}",
						  "paid_date": "{d2}"},
						 {"account": "{a}", "invoice_no": "INV-2", "amount": 99.00, "currency": "EUR", "due_date": "{d2}"}]""", """
						[{"account": "{a}", "invoice_no": "INV-1", "amount": 1250.5, "currency": "USD", "due_date": "{d1}",
						  "paid_date": "{d2}"},
						 {"account": "{a}", "invoice_no": "INV-2", "amount": 99.00, "currency": "EUR", "due_date": "{d2}",
						  "paid_date": "{d2}"}]"""),
				new Sample("surveys", "telemetry_survey", """
						account,responded_on,kind,score,respondent_role,comment
						{a},{d1},NPS,9,Sponsor,"Great, mostly"
						{a},{d1},CSAT,4,,
						""", """
						[{"account": "{a}", "responded_on": "{d1}", "kind": "NPS", "score": 9, "respondent_role": "Sponsor",
						  "comment": "Great, mostly"},
						 {"account": "{a}", "responded_on": "{d1}", "kind": "CSAT", "score": 4}]""", """
						[{"account": "{a}", "responded_on": "{d1}", "kind": "NPS", "score": 9, "respondent_role": "Sponsor",
						  "comment": "Great, mostly"},
						 {"account": "{a}", "responded_on": "{d1}", "kind": "CSAT", "score": 4, "comment": "Better"}]"""),
				new Sample("events", "telemetry_event", """
						account,occurred_on,type,note
						{a},{d1},SPONSOR_LEFT,Dana moved on
						{a},{d2},HEALTH_RED,
						""", """
						[{"account": "{a}", "occurred_on": "{d1}", "type": "SPONSOR_LEFT", "note": "Dana moved on"},
						 {"account": "{a}", "occurred_on": "{d2}", "type": "HEALTH_RED", "note": null}]""", """
						[{"account": "{a}", "occurred_on": "{d1}", "type": "SPONSOR_LEFT", "note": "Dana moved on"},
						 {"account": "{a}", "occurred_on": "{d2}", "type": "HEALTH_RED", "note": "Two outages"}]"""));
	}

	/**
	 * CSV by external id inserts; the same rows in JSON by name in other case change nothing (both
	 * formats store the same values); one changed value updates one row; and that file again is unchanged.
	 */
	@ParameterizedTest
	@MethodSource("samples")
	void eachKindIsStoredFromCsvAndJsonOnItsKey(Sample sample) throws Exception {
		TestAccount account = support.account();
		support.send(sample.kind(), CSV, sample.csv(account.externalId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value(sample.kind()))
			.andExpect(jsonPath("$.rowsRead").value(2))
			.andExpect(jsonPath("$.inserted").value(2))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(0))
			.andExpect(jsonPath("$.accounts", contains((int) account.id())));
		assertThat(support.rows(sample.table(), account.id())).isEqualTo(2);

		support.send(sample.kind(), JSON, sample.json(account.name().toUpperCase(Locale.ROOT)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rowsRead").value(2))
			.andExpect(jsonPath("$.inserted").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(2))
			.andExpect(jsonPath("$.accounts", empty()));

		for (int i = 0; i < 2; i++) {
			support.send(sample.kind(), JSON, sample.changedJson(account.name().toLowerCase(Locale.ROOT)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.inserted").value(0))
				.andExpect(jsonPath("$.updated").value(i == 0 ? 1 : 0))
				.andExpect(jsonPath("$.unchanged").value(i == 0 ? 1 : 2));
		}
		assertThat(support.rows(sample.table(), account.id())).isEqualTo(2);
	}

	@Test
	void theSameFileTwiceChangesNothingAndRunsDetectionOnlyWhenSomethingChanged() throws Exception {
		TestAccount account = support.account();
		String csv = "account,day,active_users,wau,mau\n" + account.externalId() + "," + today().minusDays(1) + ",1,2,3\n";
		support.send("usage", CSV, csv)
			.andExpect(jsonPath("$.inserted").value(1))
			.andExpect(jsonPath("$.accounts[0]").value(account.id()))
			.andExpect(jsonPath("$.detection.accounts[0]").value(account.id()))
			.andExpect(jsonPath("$.detection.opened").isEmpty());

		support.send("usage", CSV, csv)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.inserted").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(1))
			.andExpect(jsonPath("$.detection").doesNotExist());
	}

	/** Local ticket times are in the account's time zone (America/Chicago, UTC-6 in March); instants stay as they are. */
	@Test
	void localTicketTimesAreInTheAccountsTimeZone() throws Exception {
		TestAccount account = support.account();
		LocalDate day = LocalDate.of(today().getYear(), 3, 2);
		support.send("tickets", CSV, """
				account,ticket_id,severity,opened_at,resolved_at,workaround,subject
				%1$s,L-1,SEV2,%2$sT09:30,%3$s,false,Local date-time and a date
				%1$s,L-2,SEV2,%2$sT09:30:00Z,%2$sT11:30:00+01:00,false,Instants
				""".formatted(account.externalId(), day.plusDays(1), day.plusDays(2))).andExpect(status().isOk());

		assertThat(ticketTimes(account.id(), "L-1")).containsExactly(Instant.parse(day.plusDays(1) + "T15:30:00Z"),
				Instant.parse(day.plusDays(2) + "T06:00:00Z"));
		assertThat(ticketTimes(account.id(), "L-2")).containsExactly(Instant.parse(day.plusDays(1) + "T09:30:00Z"),
				Instant.parse(day.plusDays(1) + "T10:30:00Z"));
	}

	private java.util.List<Instant> ticketTimes(long accountId, String ticket) {
		return jdbc.sql("select opened_at, resolved_at from telemetry_ticket where account_id = ? and ticket_id = ?")
			.params(accountId, ticket)
			.query((rs, i) -> java.util.List.of(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
			.single();
	}

	@Test
	void quotedFieldsKeepCommasQuotesAndLineBreaksAndRowsCountRecords() throws Exception {
		TestAccount account = support.account();
		String csv = """
				account,ticket_id,severity,opened_at,resolved_at,workaround,subject
				"%1$s",Q-1,SEV3,%2$sT08:00:00Z,,false,"Export fails, ""sometimes""
				on Mondays"
				%1$s,Q-2,SEV3,%2$sT08:00:00Z,,false,"Tab\there, back\\slash"
				""".formatted(account.externalId(), today().minusDays(3));
		support.send("tickets", CSV, csv).andExpect(status().isOk()).andExpect(jsonPath("$.inserted").value(2));
		assertThat(jdbc.sql("select subject from telemetry_ticket where account_id = ? order by ticket_id")
			.param(account.id())
			.query(String.class)
			.list()).containsExactly("Export fails, \"sometimes\"\non Mondays", "Tab\there, back\\slash");

		// The row after a field spanning two lines is row 3 still, as a spreadsheet shows it.
		support.send("tickets", CSV, csv.replace("Q-2,SEV3", "Q-2,SEV9"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("severity"));
	}

	/** A bad file of each sort: 400 naming row and column, and not one row stored. */
	static Stream<Arguments> badFiles() {
		String usage = "account,day,active_users,wau,mau\n";
		String d1 = today().minusDays(5).toString();
		return Stream.of(
				Arguments.of("unknown account", "usage", CSV,
						usage + "{a}," + d1 + ",1,2,3\nNo Such Account Ltd," + d1 + ",1,2,3\n", 3, "account",
						"is no account's external id or name"),
				Arguments.of("bad date", "usage", CSV, usage + "{a},2026-02-30,1,2,3\n", 2, "day", "is not a valid date"),
				Arguments.of("not a date", "usage", CSV, usage + "{a},23/11/2026,1,2,3\n", 2, "day", "must be a date such as"),
				Arguments.of("negative count", "usage", CSV, usage + "{a}," + d1 + ",1,-2,3\n", 2, "wau", "must not be negative"),
				Arguments.of("not a number", "usage", CSV, usage + "{a}," + d1 + ",1,2,many\n", 2, "mau", "must be a whole number"),
				Arguments.of("absurd date", "invoices", CSV,
						"account,invoice_no,amount,currency,due_date\n{a},I-1,10,USD,2099-01-01\n", 2, "due_date",
						"must be within 10 years of today"),
				Arguments.of("unknown currency", "invoices", CSV,
						"account,invoice_no,amount,currency,due_date\n{a},I-1,10,ABC," + d1 + "\n", 2, "currency",
						"must be an ISO 4217 currency code"),
				Arguments.of("usage in the future", "usage", CSV, usage + "{a}," + today().plusDays(2) + ",1,2,3\n", 2, "day",
						"is in the future"),
				Arguments.of("unknown enum value", "tickets", CSV,
						"account,ticket_id,severity,opened_at,workaround,subject\n{a},T,SEV5," + d1 + ",false,x\n", 2, "severity",
						"must be one of SEV1, SEV2, SEV3, SEV4"),
				Arguments.of("unknown event type", "events", JSON,
						"[{\"account\": \"{a}\", \"occurred_on\": \"" + d1 + "\", \"type\": \"CHURNED\"}]", 1, "type",
						"must be one of SPONSOR_LEFT"),
				Arguments.of("missing column", "usage", CSV, "account,day,active_users,wau\n{a}," + d1 + ",1,2\n", 1, "mau",
						"is missing from the header"),
				Arguments.of("unknown column", "usage", CSV, usage.strip() + ",region\n{a}," + d1 + ",1,2,3,EU\n", 1, "region",
						"is not a column of usage"),
				Arguments.of("semicolons", "usage", CSV, "account;day;active_users;wau;mau\n{a};" + d1 + ";1;2;3\n", 1, null,
						"is one column holding ';'"),
				Arguments.of("wrong number of fields", "usage", CSV, usage + "{a}," + d1 + ",1,2\n", 2, null,
						"has 4 fields, the header has 5"),
				Arguments.of("empty required value", "usage", CSV, usage + "{a},,1,2,3\n", 2, "day", "is required"),
				Arguments.of("not a Monday", "feature-usage", CSV,
						"account,week,feature,persona,users\n{a},2026-11-24,reports,admin,1\n", 2, "week", "must be the Monday"),
				Arguments.of("CSAT out of range", "surveys", CSV,
						"account,responded_on,kind,score\n{a}," + d1 + ",CSAT,7\n", 2, "score", "must be from 1 to 5 for CSAT"),
				Arguments.of("resolved before opened", "tickets", CSV,
						"account,ticket_id,severity,opened_at,resolved_at,workaround,subject\n{a},T,SEV2," + d1 + "T10:00,"
								+ d1 + "T09:00,false,x\n",
						2, "resolved_at", "is before opened_at"),
				Arguments.of("same key twice", "usage", CSV, usage + "{a}," + d1 + ",1,2,3\n{a}," + d1 + ",4,5,6\n", 3, null,
						"has the same account, day as row 2"),
				Arguments.of("JSON number as text", "usage", JSON,
						"[{\"account\": \"{a}\", \"day\": \"" + d1 + "\", \"active_users\": 1, \"wau\": \"2\", \"mau\": 3}]", 1,
						"wau", "must be a whole number"),
				Arguments.of("JSON unknown field", "usage", JSON, "[{\"account\": \"{a}\", \"day\": \"" + d1
						+ "\", \"active_users\": 1, \"wau\": 2, \"mau\": 3}, {\"account\": \"{a}\", \"day\": \"" + d1
						+ "\", \"active_users\": 1, \"wau\": 2, \"mau\": 3, \"region\": \"EU\"}]", 2, "region",
						"is not a field of usage"),
				Arguments.of("JSON missing field", "usage", JSON,
						"[{\"account\": \"{a}\", \"day\": \"" + d1 + "\", \"active_users\": 1, \"wau\": 2}]", 1, "mau",
						"is required"),
				Arguments.of("JSON no array", "usage", JSON, "{\"account\": \"{a}\"}", 0, null,
						"must be a JSON array of objects"),
				Arguments.of("JSON broken", "usage", JSON, "[{\"account\": \"{a}\", \"day\": \"" + d1
						+ "\", \"active_users\": 1, \"wau\": 2, \"mau\": 3}, {\"account\": ", 2, null, "cannot be read"),
				Arguments.of("not UTF-8", "usage", CSV, usage + "{a}," + d1 + ",1,2,3\nCaf\u00e9," + d1 + ",1,2,3\n", 3, "account",
						"is not UTF-8 text"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badFiles")
	void aBadRowRefusesTheWholeFileNamingRowAndColumn(String name, String kind, String type, String body, int row,
			String column, String reason) throws Exception {
		TestAccount account = support.account();
		String table = TelemetryKind.of(kind) == TelemetryKind.FEATURE_USAGE ? "telemetry_feature_usage"
				: "telemetry_" + kind.replaceAll("s$", "");
		long before = support.rows(table);
		byte[] bytes = body.replace("{a}", account.externalId()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		if (name.equals("not UTF-8")) {
			bytes = body.replace("{a}", account.externalId()).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		}
		mvc.perform(post("/api/telemetry/" + kind).with(httpBasic("alex", "demo")).contentType(type).content(bytes))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.detail", containsString("Nothing was stored")))
			.andExpect(jsonPath("$.errors[0].row").value(row))
			.andExpect(jsonPath("$.errors[0].column").value(column))
			.andExpect(jsonPath("$.errors[0].reason", containsString(reason)));
		assertThat(support.rows(table)).isEqualTo(before);
	}

	@Test
	void listsTheFirstHundredErrorsAndCountsThemAll() throws Exception {
		StringBuilder csv = new StringBuilder("account,day,active_users,wau,mau\n");
		for (int i = 0; i < 150; i++) {
			csv.append("Nobody ").append(i).append(',').append(today().minusDays(1)).append(",1,2,3\n");
		}
		support.send("usage", CSV, csv.toString())
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(100))
			.andExpect(jsonPath("$.errors[99].row").value(101))
			.andExpect(jsonPath("$.detail").value("Nothing was stored: 150 errors, the first 100 listed"));
	}

	@Test
	void aBodyOverTheLimitIs413AndStoresNothing() throws Exception {
		TestAccount account = support.account();
		long before = support.rows("telemetry_usage");
		StringBuilder csv = new StringBuilder("account,day,active_users,wau,mau\n");
		while (csv.length() <= 1024 * 1024) {
			csv.append(account.externalId()).append(',').append(today().minusDays(1)).append(",1,2,3\n");
		}
		support.send("usage", CSV, csv.toString())
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.detail", containsString("riskdesk.telemetry.max-request-size")));
		assertThat(support.rows("telemetry_usage")).isEqualTo(before);
	}

	@Test
	void anUnknownKindIs404AndAnotherContentType415() throws Exception {
		support.send("logins", CSV, "account\nx\n")
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("Telemetry kind logins not found"));
		support.send("usage", "text/plain", "account\nx\n").andExpect(status().isUnsupportedMediaType());
		support.send("usage", "application/xml", "<usage/>").andExpect(status().isUnsupportedMediaType());
	}

	@Test
	void needsARiskWriter() throws Exception {
		String csv = "account,day,active_users,wau,mau\n";
		mvc.perform(post("/api/telemetry/usage").contentType(CSV).content(csv)).andExpect(status().isUnauthorized());
		for (String reader : new String[] { "jordan", "sam" }) {
			mvc.perform(post("/api/telemetry/usage").with(httpBasic(reader, "demo")).contentType(CSV).content(csv))
				.andExpect(status().isForbidden());
		}
		mvc.perform(post("/api/telemetry/usage").with(httpBasic("morgan", "demo")).contentType(CSV).content(csv))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rowsRead").value(0));
	}

	/** Integrations send files with a token, as to the rest of the API. */
	@Test
	void takesABearerToken() throws Exception {
		String created = mvc.perform(post("/api/tokens").with(httpBasic("admin", "demo"))
			.contentType(JSON)
			.content("{\"name\": \"telemetry sync\", \"username\": \"alex\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = com.jayway.jsonpath.JsonPath.read(created, "$.secret");
		mvc.perform(post("/api/telemetry/events").header("Authorization", "Bearer " + secret).contentType(CSV)
			.content("account,occurred_on,type\n")).andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("events"));
	}

	@Test
	void theOpenApiDocumentDescribesTheIntake() throws Exception {
		mvc.perform(get("/v3/api-docs").with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/telemetry/{kind}'].post.requestBody.content['text/csv']").exists())
			.andExpect(jsonPath("$.paths['/api/telemetry/{kind}'].post.requestBody.content['application/json']").exists());
	}

}
