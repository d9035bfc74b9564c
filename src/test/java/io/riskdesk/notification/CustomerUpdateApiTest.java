package io.riskdesk.notification;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.riskdesk.ApiFixtures.as;
import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Template previews and customer updates through the API, on an S1 risk of an account named
 * {@code <script>x</script>} with a Point of contact and a Sponsor (the matrix's customer roles at
 * S1) and an Executive contact (not in S1's row).
 */
@RiskdeskTest
class CustomerUpdateApiTest {

	@Autowired
	MockMvc mvc;

	String unique;

	String accountName;

	String key;

	String pat;

	String dana;

	String eve;

	@BeforeEach
	void setUp() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		unique = UUID.randomUUID().toString().substring(0, 8);
		accountName = "<script>x</script> " + unique;
		pat = "pat." + unique + "@fox.example";
		dana = "Dana." + unique + "@Fox.example";
		eve = "eve." + unique + "@fox.example";
		long csm = fixtures.person("Casey Update");
		String account = mvc.perform(asAlex(post("/api/accounts")).content("""
				{"name": "%s", "segment": "ENTERPRISE", "country": "US", "timeZone": "UTC", "team": {"CSM": %d},
				 "contacts": [{"role": "POC", "name": "Pat Point", "email": "%s"},
				              {"role": "SPONSOR", "name": "Dana Fox", "email": "%s"},
				              {"role": "EXEC", "name": "Eve Exec", "email": "%s"}]}""".formatted(accountName, csm, pat,
				dana, eve)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long accountId = ((Number) JsonPath.read(account, "$.id")).longValue();
		String risk = mvc.perform(asAlex(post("/api/risks")).content("""
				{"accountId": %d, "title": "Checkout failing", "category": "SUPPORT", "severity": "S1"}"""
			.formatted(accountId)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		key = JsonPath.read(risk, "$.key");
	}

	@Test
	void aTemplatePreviewEscapesTheRisksValuesInHtmlAndKeepsThemInText() throws Exception {
		mvc.perform(asAlex(get("/api/risks/{key}/notifications/preview", key)).param("template", "initial-escalation"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.template").value("initial-escalation"))
			.andExpect(jsonPath("$.subject").value(containsString("<script>x</script> " + unique)))
			.andExpect(jsonPath("$.text").value(containsString("<script>x</script> " + unique)))
			.andExpect(jsonPath("$.html").value(allOf(containsString("&lt;script&gt;x&lt;/script&gt; " + unique),
					not(containsString("<script>")))));

		mvc.perform(asAlex(get("/api/risks/{key}/notifications/preview", key)).param("template", "customer-update"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("<script>x</script> " + unique + ": Checkout failing - update"))
			.andExpect(jsonPath("$.text").value(containsString("Hello,")))
			.andExpect(jsonPath("$.html").value(not(containsString("<script>"))));
	}

	@Test
	void aPreviewNeedsATemplateForOneRiskAndAKnownRisk() throws Exception {
		for (String name : List.of("nope", "../../etc/passwd", "weekly-digest", "")) {
			mvc.perform(asAlex(get("/api/risks/{key}/notifications/preview", key)).param("template", name))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("template"));
		}
		mvc.perform(asAlex(get("/api/risks/{key}/notifications/preview", "RISK-1999-9999")).param("template",
				"initial-escalation"))
			.andExpect(status().isNotFound());
	}

	@Test
	void anUpdateGoesToTheMatrixCustomersByDefaultAndIsOnTheTimeline() throws Exception {
		send(null, "{\"subject\": \"Where we stand\", \"message\": \"The fix ships <b>Friday</b>.\"}")
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[*].address", containsInAnyOrder(pat, dana)))
			.andExpect(jsonPath("$[*].recipientName", containsInAnyOrder("Pat Point", "Dana Fox")))
			.andExpect(jsonPath("$[*].trigger", everyItem(is("CUSTOMER_UPDATE"))))
			.andExpect(jsonPath("$[*].status", everyItem(is("PENDING"))))
			.andExpect(jsonPath("$[*].subject", everyItem(is("Where we stand"))))
			.andExpect(jsonPath("$[*].template", everyItem(is("customer-update"))));

		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.summary =~ /Customer update sent to .*/)].actor", contains("alex")))
			.andExpect(jsonPath("$[?(@.summary =~ /Customer update sent to .*/)].summary",
					contains("Customer update sent to Pat Point, Dana Fox: Where we stand")))
			.andExpect(jsonPath("$[?(@.summary =~ /Customer update sent to .*/)].kind", contains("NOTIFICATION")));
	}

	@Test
	void namedRecipientsMustBeTheAccountsContacts() throws Exception {
		send(null, """
				{"subject": "Where we stand", "message": "Soon.", "recipients": ["%s", "%s"]}"""
			.formatted(eve.toUpperCase(), dana.toLowerCase()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$[*].address", contains(eve, dana)));

		send(null, """
				{"subject": "Where we stand", "message": "Soon.", "recipients": ["%s", "stranger@else.example"]}"""
			.formatted(pat))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("recipients[1]"))
			.andExpect(jsonPath("$.errors[0].reason").value("is not the e-mail address of a contact of " + accountName));
		assertThat(customerUpdates()).hasSize(2);
	}

	@Test
	void theSubjectAndMessageAreRequiredAndBounded() throws Exception {
		String longSubject = "s".repeat(201);
		String longMessage = "m".repeat(5001);
		record Case(String body, String field) {
		}
		for (Case c : List.of(new Case("{\"message\": \"Soon.\"}", "subject"),
				new Case("{\"subject\": \" \", \"message\": \"Soon.\"}", "subject"),
				new Case("{\"subject\": \"" + longSubject + "\", \"message\": \"Soon.\"}", "subject"),
				new Case("{\"subject\": \"Two\\nlines\", \"message\": \"Soon.\"}", "subject"),
				new Case("{\"subject\": \"Update\"}", "message"),
				new Case("{\"subject\": \"Update\", \"message\": \"" + longMessage + "\"}", "message"),
				new Case("{\"subject\": \"Update\", \"message\": \"Soon.\", \"recipients\": []}", "recipients"),
				new Case("{\"subject\": \"Update\", \"message\": \"Soon.\", \"recipients\": [\"\"]}", "recipients[0]"))) {
			send(null, c.body()).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", hasItem(c.field())));
		}
		send("", "{\"subject\": \"Update\", \"message\": \"Soon.\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
		assertThat(customerUpdates()).isEmpty();
	}

	@Test
	void theSameIdempotencyKeySendsNothingTwice() throws Exception {
		String body = "{\"subject\": \"Where we stand\", \"message\": \"Soon.\"}";
		String first = send("update-" + unique, body).andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String again = send("update-" + unique, body).andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<Integer>>read(again, "$[*].id")).isEqualTo(JsonPath.read(first, "$[*].id"))
			.hasSize(2);
		assertThat(customerUpdates()).hasSize(2);
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.summary =~ /Customer update sent to .*/)]", hasSize(1)));

		// The same key on another update is refused, not taken for the first one.
		send("update-" + unique, "{\"subject\": \"Something else\", \"message\": \"Soon.\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Idempotency-Key update-" + unique
					+ " was used for another update")));
		assertThat(customerUpdates()).hasSize(2);

		// Without a key each request is an update of its own.
		send(null, body).andExpect(status().isAccepted());
		assertThat(customerUpdates()).hasSize(4);
	}

	@Test
	void aPreviewShowsTheWrittenWordsToTheFirstRecipientAndQueuesNothing() throws Exception {
		mvc.perform(asAlex(post("/api/risks/{key}/customer-updates/preview", key)).content("""
				{"subject": "Where we stand", "message": "The fix ships <b>Friday</b>.", "recipients": ["%s"]}"""
			.formatted(dana)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("Where we stand"))
			.andExpect(jsonPath("$.text").value(allOf(containsString("Dear Dana Fox,"),
					containsString("The fix ships <b>Friday</b>."))))
			.andExpect(jsonPath("$.html").value(allOf(containsString("Dear Dana Fox,"),
					containsString("The fix ships &lt;b&gt;Friday&lt;/b&gt;."))))
			.andExpect(jsonPath("$.recipients[*].personName", contains("Dana Fox")));
		assertThat(customerUpdates()).isEmpty();
	}

	@Test
	void aClosedRiskTakesNoUpdateAndReadersCannotSend() throws Exception {
		String body = "{\"subject\": \"Where we stand\", \"message\": \"Soon.\"}";
		mvc.perform(as("sam", post("/api/risks/{key}/customer-updates", key)).content(body))
			.andExpect(status().isForbidden());

		ApiFixtures fixtures = new ApiFixtures(mvc);
		String original = fixtures.risk(fixtures.account("Update Original", fixtures.person("Orig Lead")), "Same");
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", key))
			.content("{\"to\": \"CLOSED\", \"duplicateOf\": \"" + original + "\"}")).andExpect(status().isOk());
		send(null, body).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("The risk is closed: its customer updates are over"));
		assertThat(customerUpdates()).isEmpty();
	}

	private ResultActions send(String idempotencyKey, String body) throws Exception {
		var request = asAlex(post("/api/risks/{key}/customer-updates", key)).content(body);
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return mvc.perform(request);
	}

	private List<Object> customerUpdates() throws Exception {
		String body = mvc.perform(as("morgan", get("/api/notifications")).param("riskKey", key)
			.param("trigger", "CUSTOMER_UPDATE")).andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.content[*].id");
	}

}
