package io.riskdesk.web;

import io.riskdesk.core.Text;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import io.riskdesk.risk.NewRisk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the API and the pages refuse, and that a refusal changes nothing: JSON that would need
 * guessing, texts with control characters or beyond the shared limits, and dates far from today.
 * The API answers a problem detail naming the field; a page its form with the message next to
 * the field (422), never a 500 from the database.
 */
@RiskdeskTest
@Transactional
class InputRulesTest {

	/** A JSON string holding a NUL, as a client would send it. */
	private static final String JSON_NUL = "Sync\\u0000failing";

	/** The same text as a form posts it. */
	private static final String NUL = "Sync\u0000failing";

	private static final String CONTROL = "must not contain control characters";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	long owner;

	long account;

	String key;

	@BeforeEach
	void setUp() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		owner = fixtures.person("Ada Owner");
		account = fixtures.account("Strict Rockets", owner);
		key = fixtures.risk(account, "API errors at 5%");
	}

	@Test
	void jsonIsReadAsWrittenNeverCoerced() throws Exception {
		int risks = count("risk");
		refused(post("/api/risks"), """
				{"accountId": %d.9, "title": "Fraction", "category": "SUPPORT"}""".formatted(account), "accountId")
			.andExpect(jsonPath("$.errors[0].reason").value("must be a whole number"));
		refused(post("/api/risks"), """
				{"accountId": "%d", "title": "Quoted id", "category": "SUPPORT"}""".formatted(account), "accountId");
		refused(post("/api/risks"), """
				{"accountId": %d, "title": 123, "category": "SUPPORT"}""".formatted(account), "title")
			.andExpect(jsonPath("$.errors[0].reason").value("must be a text"));
		refused(post("/api/risks"), """
				{"accountId": %d, "title": "Ordinal", "category": 2}""".formatted(account), "category")
			.andExpect(jsonPath("$.errors[0].reason", startsWith("must be one of")));
		refused(post("/api/risks/{key}/decisions", key), "{\"text\": true}", "text")
			.andExpect(jsonPath("$.errors[0].reason").value("must be a text"));
		refused(post("/api/risks/{key}/decisions", key), "{\"text\": 1.5}", "text");
		assertThat(count("risk")).isEqualTo(risks);
		assertThat(version()).isZero();
	}

	@Test
	void aNullInAListIsRefusedNamingItsElement() throws Exception {
		int risks = count("risk");
		refused(post("/api/risks"), """
				{"accountId": %d, "title": "Gaps", "category": "SUPPORT", "evidence": ["one", "two", null]}"""
			.formatted(account), "evidence[2]")
			.andExpect(jsonPath("$.errors[0].reason").value("must not be null"));
		refused(post("/api/risks/{key}/transitions", key), """
				{"to": "RESOLVED", "rootCause": "Pool", "preventionItems": [null]}""", "preventionItems[0]");
		assertThat(count("risk")).isEqualTo(risks);
		assertThat(version()).isZero();
	}

	@Test
	void controlCharactersAreRefusedInEveryText() throws Exception {
		int risks = count("risk");
		int accounts = count("account");
		int people = count("person");
		refused(post("/api/risks"), """
				{"accountId": %d, "title": "%s", "category": "SUPPORT"}""".formatted(account, JSON_NUL), "title")
			.andExpect(jsonPath("$.errors[0].reason").value("must not contain control characters (U+0000 at position 5)"));
		refused(post("/api/risks"), """
				{"accountId": %d, "title": "Ok", "category": "SUPPORT", "evidence": ["fine", "bell\\u0007"]}"""
			.formatted(account), "evidence[1]");
		refused(post("/api/risks/{key}/decisions", key), "{\"text\": \"%s\"}".formatted(JSON_NUL), "text");
		refused(post("/api/risks/{key}/blockers", key), "{\"text\": \"%s\"}".formatted(JSON_NUL), "text");
		refused(patch("/api/risks/{key}", key).header(HttpHeaders.IF_MATCH, "\"0\""),
				"{\"description\": \"%s\"}".formatted(JSON_NUL), "description");
		refused(post("/api/risks/{key}/milestones", key), """
				{"title": "%s", "owner": "Priya", "due": "%s"}""".formatted(JSON_NUL, LocalDate.now(clock).plusDays(7)), "title");
		refused(post("/api/risks/{key}/clocks/TRIAGE/pause", key), "{\"reason\": \"%s\"}".formatted(JSON_NUL), "reason");
		refused(post("/api/accounts"), """
				{"name": "%s", "segment": "SMB", "country": "US", "timeZone": "UTC"}""".formatted(JSON_NUL), "name");
		refused(post("/api/people"), """
				{"name": "%s", "email": "nul@test.example"}""".formatted(JSON_NUL), "name");
		assertThat(count("risk")).isEqualTo(risks);
		assertThat(count("account")).isEqualTo(accounts);
		assertThat(count("person")).isEqualTo(people);
		assertThat(milestones()).isZero();
		assertThat(version()).isZero();
	}

	@Test
	void tabsAndLineEndsAreText() throws Exception {
		mvc.perform(asAlex(post("/api/risks/{key}/decisions", key)).content("{\"text\": \"Escalate:\\tnow\\r\\nto the VP\"}"))
			.andExpect(status().isOk());
	}

	@Test
	void aDecisionHasTheSameLimitAsOnThePageAndPatchTheSameListLimitsAsCreate() throws Exception {
		refused(post("/api/risks/{key}/decisions", key), "{\"text\": \"%s\"}".formatted("d".repeat(Text.NOTE + 1)), "text")
			.andExpect(jsonPath("$.errors[0].reason").value("must be at most 5000 characters"));
		String evidence = IntStream.range(0, 3000).mapToObj(i -> "\"row " + i + "\"").collect(Collectors.joining(","));
		refused(patch("/api/risks/{key}", key).header(HttpHeaders.IF_MATCH, "\"0\""),
				"{\"evidence\": [" + evidence + "]}", "evidence");
		String coOwners = String.join(",", Collections.nCopies(NewRisk.MAX_CO_OWNERS + 1, String.valueOf(owner)));
		refused(patch("/api/risks/{key}", key).header(HttpHeaders.IF_MATCH, "\"0\""),
				"{\"coOwnerIds\": [" + coOwners + "]}", "coOwnerIds");
		assertThat(version()).isZero();
		assertThat(jdbc.sql("select count(*) from risk_evidence e join risk r on r.id = e.risk_id where r.risk_key = :key")
			.param("key", key)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void datesFarFromTodayAreRefused() throws Exception {
		int tasks = count("scheduled_tasks");
		refused(post("/api/risks/{key}/milestones", key), """
				{"title": "Ship the fix", "owner": "Priya", "due": "+99999-12-31"}""", "due")
			.andExpect(jsonPath("$.errors[0].reason", startsWith("must be within 10 years of today")));
		refused(post("/api/risks/{key}/milestones", key), """
				{"title": "Ship the fix", "owner": "Priya", "due": "%s"}""".formatted(LocalDate.now(clock).plusYears(11)), "due");
		refused(post("/api/risks/{key}/milestones", key), """
				{"title": "Ship the fix", "owner": "Priya", "due": "1900-01-01"}""", "due");
		refused(post("/api/risks/{key}/action-items", key), """
				{"owner": "Priya", "task": "Call", "due": "9999-12-31"}""", "due");
		refused(post("/api/accounts"), """
				{"name": "Far Renewal", "segment": "SMB", "country": "US", "timeZone": "UTC", "renewalDate": "3026-01-31"}""",
				"renewalDate");
		assertThat(milestones()).isZero();
		assertThat(count("scheduled_tasks")).isEqualTo(tasks);
		assertThat(version()).isZero();

		mvc.perform(asAlex(post("/api/risks/{key}/milestones", key)).content("""
				{"title": "Ship the fix", "owner": "Priya", "due": "%s"}""".formatted(LocalDate.now(clock).plusYears(2))))
			.andExpect(status().isCreated());
	}

	@Test
	void dateFiltersWithAbsurdYearsAreRefusedNamingTheParameter() throws Exception {
		for (String filter : new String[] { "detectedFrom", "detectedTo", "closedFrom", "closedTo" }) {
			problem(mvc.perform(asAlex(get("/api/risks")).param(filter, "9999-12-31")), filter);
			problem(mvc.perform(asAlex(get("/api/risks")).param(filter, "0001-01-01")), filter);
		}
		problem(mvc.perform(asAlex(get("/api/sla/compliance")).param("from", "0001-01-01T00:00:00Z")
			.param("to", "2026-12-01T00:00:00Z")), "from");
		mvc.perform(asAlex(get("/api/risks")).param("detectedFrom", "2000-01-01")).andExpect(status().isOk());
	}

	// The pages: the same rules, the form back with the message next to the field.

	@Test
	void aNewRiskWithAControlCharacterInItsTitleComesBackWithTheMessage() throws Exception {
		int risks = count("risk");
		mvc.perform(page(post("/risks/new")).param("accountId", String.valueOf(account))
			.param("title", NUL)
			.param("category", "SUPPORT")
			.param("evidence", "fine\nbell\u0007"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"title-error\""), containsString(CONTROL),
					containsString("id=\"evidence-error\""))));
		assertThat(count("risk")).isEqualTo(risks);
	}

	@Test
	void aNewAccountWithAControlCharacterOrAFarRenewalComesBackWithTheMessage() throws Exception {
		int accounts = count("account");
		mvc.perform(page(post("/accounts/new")).param("name", NUL)
			.param("segment", "SMB")
			.param("country", "US")
			.param("timeZone", "Europe/Paris")
			.param("renewalDate", LocalDate.now(clock).plusYears(40).toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"name-error\""), containsString(CONTROL),
					containsString("id=\"renewalDate-error\""), containsString("must be within 10 years of today"))));
		assertThat(count("account")).isEqualTo(accounts);
	}

	@Test
	void theRiskPanelsActionsFollowTheApisRules() throws Exception {
		refusedOnPanel(post("/risks/{key}/decisions", key).param("text", NUL), "Not saved: Text " + CONTROL);
		refusedOnPanel(post("/risks/{key}/decisions", key).param("text", "d".repeat(Text.NOTE + 1)),
				"Not saved: Text must be at most 5000 characters");
		refusedOnPanel(post("/risks/{key}/blockers", key).param("description", NUL), "Not saved: Description " + CONTROL);
		refusedOnPanel(post("/risks/{key}/severity", key).param("severity", "S1").param("reason", NUL),
				"Not saved: Reason " + CONTROL);
		refusedOnPanel(post("/risks/{key}/plan", key).param("owner", "Priya").param("title", "t".repeat(Text.TITLE + 1)),
				"Not saved: Title must be at most 300 characters");
		refusedOnPanel(post("/risks/{key}/plan", key).param("owner", "Priya").param("title", "Call")
			.param("due", LocalDate.now(clock).plusYears(11).toString()), "Not saved: Due must be within 10 years of today");
		assertThat(version()).isZero();
		assertThat(jdbc.sql("select count(*) from risk_decision d join risk r on r.id = d.risk_id where r.risk_key = :key")
			.param("key", key)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aMilestoneDueInTenYearsAndADayOrAPauseReasonWithANulIsRefusedInItsPanel() throws Exception {
		mvc.perform(ApiFixtures.asAlex(post("/api/risks/{key}/severity", key))
			.content("{\"severity\": \"S1\", \"reason\": \"Renewal in 60 days\"}")).andExpect(status().isOk());
		int tasks = count("scheduled_tasks");
		mvc.perform(htmx(post("/risks/{key}/plan", key)).param("title", "Ship the fix")
			.param("owner", "Priya")
			.param("due", LocalDate.now(clock).plusYears(10).plusDays(2).toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Not saved: Due must be within 10 years of today")));
		mvc.perform(htmx(post("/risks/{key}/plan", key)).param("title", NUL).param("owner", "Priya")
			.param("due", LocalDate.now(clock).plusDays(7).toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Not saved: Title " + CONTROL)));
		mvc.perform(htmx(post("/risks/{key}/clocks/TRIAGE/pause", key)).param("reason", NUL))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Not saved: Reason " + CONTROL)));
		mvc.perform(htmx(post("/risks/{key}/clocks/TRIAGE/pause", key)).param("reason", "r".repeat(Text.LINE + 1)))
			.andExpect(status().isUnprocessableContent());
		assertThat(milestones()).isZero();
		assertThat(jdbc.sql("select state from sla_clock where risk_key = :key and kind = 'TRIAGE'").param("key", key)
			.query(String.class)
			.single()).isEqualTo("RUNNING");
		assertThat(count("scheduled_tasks")).isEqualTo(tasks);
	}

	@Test
	void aMilestoneOrAccountEditWithAControlCharacterIsRefusedOnTheApiAndThePageAlike() throws Exception {
		String added = mvc.perform(asAlex(post("/api/risks/{key}/milestones", key))
			.content("{\"title\": \"Ship the fix\", \"owner\": \"Priya\", \"due\": \"%s\"}"
				.formatted(LocalDate.now(clock).plusDays(7))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int milestone = com.jayway.jsonpath.JsonPath.read(added, "$.id");
		problem(mvc.perform(asAlex(patch("/api/risks/{key}/milestones/{id}", key, milestone)).header(HttpHeaders.IF_MATCH, "\"0\"")
			.content("{\"owner\": \"" + JSON_NUL + "\"}")), "owner");
		mvc.perform(htmx(post("/risks/{key}/plan/{id}", key, milestone)).param("version", "0").param("title", NUL)
			.param("owner", "Priya").param("due", LocalDate.now(clock).plusYears(11).toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"edit-title-error\">" + CONTROL),
					containsString("id=\"edit-due-error\">must be within 10 years of today"))));
		assertThat(jdbc.sql("select title || ' ' || owner || ' ' || version from cap_milestone where id = :id")
			.param("id", milestone)
			.query(String.class)
			.single()).isEqualTo("Ship the fix Priya 0");

		mvc.perform(page(post("/accounts/{id}/edit", account)).param("version", "0").param("name", "Strict Rockets")
			.param("segment", "SMB").param("country", "US").param("timeZone", "Europe/Paris")
			.param("contacts[0].role", "POC").param("contacts[0].name", NUL))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"contacts-0-name-error\">" + CONTROL))));
		assertThat(jdbc.sql("select version from account where id = :id").param("id", account).query(Integer.class).single())
			.isZero();
	}

	@Test
	void registerFiltersWithAbsurdYearsAreA400PageNamingTheFilter() throws Exception {
		mvc.perform(get("/risks").with(user("alex").roles("CSM")).param("closedTo", "9999-12-31"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Closed to must be within 100 years of today")));
		mvc.perform(get("/risks.csv").with(user("alex").roles("CSM")).param("detectedFrom", "0001-01-01"))
			.andExpect(status().isBadRequest());
	}

	private ResultActions refused(MockHttpServletRequestBuilder request, String body, String field) throws Exception {
		return problem(mvc.perform(asAlex(request).content(body)), field);
	}

	private static ResultActions problem(ResultActions result, String field) throws Exception {
		return result.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", hasItem(field)));
	}

	private void refusedOnPanel(MockHttpServletRequestBuilder request, String message) throws Exception {
		mvc.perform(htmx(request).param("version", "0"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString(message)));
	}

	private static MockHttpServletRequestBuilder page(MockHttpServletRequestBuilder request) {
		return request.with(user("alex").roles("CSM")).with(csrf());
	}

	private static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request) {
		return page(request).header("HX-Request", "true");
	}

	private int count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

	private int milestones() {
		return jdbc.sql("select count(*) from cap_milestone where risk_key = :key").param("key", key).query(Integer.class).single();
	}

	private int version() {
		return jdbc.sql("select version from risk where risk_key = :key").param("key", key).query(Integer.class).single();
	}

}
