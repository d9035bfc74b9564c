package io.riskdesk.plan;

import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import io.riskdesk.security.Role;
import io.riskdesk.security.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static io.riskdesk.ApiFixtures.as;
import static io.riskdesk.ApiFixtures.asAlex;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** "My actions": what the signed-in user's person owns across risks, overdue first, then by due date. */
@RiskdeskTest
@Transactional
class MyActionsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts users;

	String username;

	long person;

	String first;

	String second;

	@BeforeEach
	void setUp() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		person = fixtures.person("Mia Actions");
		String email = JsonPath.read(mvc.perform(asAlex(get("/api/people/{id}", person))).andReturn().getResponse()
			.getContentAsString(), "$.email");
		username = "mia-" + person;
		users.createIfAbsent(username, "Mia Actions", "demo", Role.CSM, email);
		long account = fixtures.account("My Actions Co", person);
		first = fixtures.risk(account, "Sponsor left");
		second = fixtures.risk(account, "Usage dropped");
	}

	@Test
	void listsWhatIOwnOverdueFirstThenByDueDateWithTheRisk() throws Exception {
		LocalDate today = LocalDate.now();
		add(first, "Later", "{\"ownerId\": %d, \"due\": \"%s\"}".formatted(person, today.plusDays(20)));
		add(second, "Sooner", "{\"owner\": \"Mia Actions\", \"due\": \"%s\"}".formatted(today.plusDays(5)));
		add(second, "Undated", "{\"ownerId\": %d}".formatted(person));
		// Due a week ago: its clock starts breached, so it is overdue at once.
		add(first, "Late", "{\"ownerId\": %d, \"due\": \"%s\"}".formatted(person, today.minusDays(7)));
		add(first, "Someone else's", "{\"owner\": \"Priya\", \"due\": \"%s\"}".formatted(today.plusDays(1)));
		long done = add(second, "Finished", "{\"ownerId\": %d, \"due\": \"%s\"}".formatted(person, today.plusDays(2)));
		mvc.perform(asAlex(post("/api/risks/{key}/milestones/{id}/done", second, done))).andExpect(status().isOk());

		mvc.perform(as(username, get("/api/my-actions")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].milestone.title", contains("Late", "Sooner", "Later", "Undated")))
			.andExpect(jsonPath("$[0].milestone.overdue").value(true))
			.andExpect(jsonPath("$[0].milestone.riskKey").value(first))
			.andExpect(jsonPath("$[0].riskTitle").value("Sponsor left"))
			.andExpect(jsonPath("$[0].riskStatus").value("OPEN"))
			.andExpect(jsonPath("$[1].milestone.status").value("TODO"));
		// alex's person is not Mia: none of these are alex's.
		mvc.perform(asAlex(get("/api/my-actions")))
			.andExpect(jsonPath("$[?(@.milestone.riskKey == '%s')]".formatted(first), hasSize(0)));
	}

	@Test
	void thePageListsThemAndStartsAndFinishesInPlace() throws Exception {
		long id = add(first, "Success plan agreed", "{\"ownerId\": %d, \"due\": \"%s\"}".formatted(person,
				LocalDate.now().plusDays(3)));
		mvc.perform(get("/my-actions").with(user(username).roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("My actions"), containsString("Success plan agreed"),
					containsString(first), containsString("aria-label=\"Start Success plan agreed\""))));
		mvc.perform(post("/my-actions/{key}/{id}", first, id).param("version", "0").param("status", "DOING")
			.header("HX-Request", "true").with(user(username).roles("CSM")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Started."), containsString(">Doing<"),
					not(containsString("aria-label=\"Start Success plan agreed\"")))));
		mvc.perform(post("/my-actions/{key}/{id}", first, id).param("version", "1").param("status", "DONE")
			.header("HX-Request", "true").with(user(username).roles("CSM")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Marked done."), not(containsString("Success plan agreed")))));
		// Readers see the list, and may not change it.
		mvc.perform(post("/my-actions/{key}/{id}", first, id).param("version", "2").param("status", "DONE")
			.with(user("jordan").roles("EXEC")).with(csrf()))
			.andExpect(status().isForbidden());
	}

	private long add(String risk, String title, String rest) throws Exception {
		String body = "{\"title\": \"" + title + "\", " + rest.substring(1);
		String added = mvc.perform(asAlex(post("/api/risks/{key}/milestones", risk)).content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(added, "$.id")).longValue();
	}

}
