package io.riskdesk.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import io.riskdesk.playbook.ContactRole;
import io.riskdesk.playbook.TeamRole;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RiskdeskTest
@Transactional
class AccountPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Test
	void listsAccountsAndShowsOneWithTeamContactsAndItsRisks() throws Exception {
		// Z to A: tests add accounts of their own, mostly named before "TechCorp".
		mvc.perform(get("/accounts").param("size", "200").param("sort", "name,desc").with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("TechCorp Enterprises"), containsString("USD 850,000"))));
		long id = accounts.findByName("TechCorp Enterprises").orElseThrow().id();
		mvc.perform(get("/accounts/{id}", id).with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>TechCorp Enterprises</h1>"),
					containsString("Jennifer Liu"), containsString("TechCorp CEO"),
					containsString(accounts.findByName("TechCorp Enterprises").orElseThrow().renewalDate().toString()),
					containsString("hx-get=\"/accounts/" + id + "/risks\""))));
		mvc.perform(get("/accounts/{id}/risks", id).with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Unresolved (<a"),
					containsString("Formal cancellation notice after unresolved API performance issues"),
					containsString("Resolved and closed"))));
	}

	@Test
	void theNewAccountFormShowsEachProblemNextToItsField() throws Exception {
		mvc.perform(create().param("name", " ").param("arrAmount", "-5").param("arrCurrency", "USD").param("country", "").param("timeZone", "Europe/Paris"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"name-error\""), containsString("is required"),
					containsString("id=\"arrAmount-error\""), containsString("id=\"segment-error\""),
					containsString("id=\"country-error\""))));
		mvc.perform(create().param("name", "Zed Corp").param("arrAmount", "100").param("arrCurrency", "XYZ")
			.param("segment", "SMB").param("country", "US").param("timeZone", "Europe/Paris"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"arrCurrency-error\""), containsString("ISO 4217"))));
		mvc.perform(create().param("name", "Zed Corp").param("segment", "SMB").param("country", "QQ")
			.param("timeZone", "Europe/Paris"))
			.andExpect(content().string(allOf(containsString("id=\"country-error\""), containsString("is not an ISO 3166"))));
		mvc.perform(create().param("name", "techcorp enterprises").param("segment", "SMB").param("country", "US")
			.param("timeZone", "Mars/Olympus"))
			.andExpect(content().string(allOf(containsString("id=\"timeZone-error\""), containsString("value=\"Mars/Olympus\""))));
		mvc.perform(create().param("name", "techcorp enterprises").param("segment", "SMB").param("country", "US")
			.param("timeZone", "Europe/Paris"))
			.andExpect(content().string(allOf(containsString("id=\"name-error\""), containsString("already exists"))));
	}

	@Test
	void everyProblemOfTheNewAccountFormShowsAtOnce() throws Exception {
		mvc.perform(create().param("name", " ").param("arrAmount", "100").param("arrCurrency", "XYZ")
			.param("country", "QQ").param("timeZone", "Mars/Olympus"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"name-error\""), containsString("id=\"segment-error\""),
					containsString("&#39;QQ&#39; is not an ISO 3166 country code"),
					containsString("id=\"arrCurrency-error\""), containsString("ISO 4217"),
					containsString("id=\"timeZone-error\""), containsString("must be a time zone such as Europe/Paris"))));
	}

	@Test
	void anAccountExecutiveCreatesAnAccount() throws Exception {
		mvc.perform(post("/accounts/new").with(user("sam").roles("AE"))
			.with(csrf())
			.param("name", "Nimbus Freight")
			.param("arrAmount", "120000")
			.param("arrCurrency", "chf")
			.param("renewalDate", "2027-03-31")
			.param("segment", "MID_MARKET")
			.param("country", "ch")
			.param("timeZone", "Europe/Zurich")
			.param("sponsorName", "Lea Meier")
			.param("sponsorEmail", "lea@nimbus.example"))
			.andExpect(redirectedUrlPattern("/accounts/*?created"));
		AccountDetails created = accounts.findByName("Nimbus Freight").orElseThrow();
		mvc.perform(get("/accounts/{id}", created.id()).param("created", "").with(user("sam").roles("AE")))
			.andExpect(content().string(allOf(containsString("role=\"status\">Account created.</div>"),
					containsString("Mid-market"))));
		assertThat(created.arr()).isEqualTo(new Money(new BigDecimal("120000.00"), Currency.getInstance("CHF")));
		assertThat(created.contacts()).extracting(AccountDetails.ContactView::name).containsExactly("Lea Meier");
	}

	@Test
	void aBadSponsorIsMarkedNextToItsField() throws Exception {
		mvc.perform(create().param("name", "Sponsorless " + System.nanoTime())
			.param("segment", "SMB")
			.param("country", "US")
			.param("timeZone", "America/Denver")
			.param("sponsorName", "Kim Lee")
			.param("sponsorEmail", "not-an-email"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"sponsorEmail-error\"")));
		mvc.perform(create().param("name", "Sponsorless " + System.nanoTime())
			.param("segment", "SMB")
			.param("country", "US")
			.param("timeZone", "America/Denver")
			.param("sponsorName", "K".repeat(201)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"sponsorName-error\"")));
	}

	@Test
	void theEditFormChangesEveryFieldEveryTeamRoleAndTheContacts() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long csm = fixtures.person("Edit Csm");
		long id = fixtures.account("Edit Co", csm);
		mvc.perform(get("/accounts/{id}", id).with(user("alex").roles("CSM")))
			.andExpect(content().string(containsString("href=\"/accounts/" + id + "/edit\"")));
		mvc.perform(get("/accounts/{id}/edit", id).with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("name=\"version\" value=\"0\""),
					containsString("value=\"480000.00\""), containsString("name=\"team[SUPPORT_LEAD]\""),
					containsString("name=\"team[PS_LEAD]\""), containsString("name=\"team[SECURITY]\""),
					containsString("name=\"team[LEGAL]\""), containsString(">Point of contact</option>"),
					containsString("value=\"Dana Fox\""), containsString("<option value=\"" + csm + "\" selected=\"selected\">Edit Csm</option>"))));

		MockHttpServletRequestBuilder edit = post("/accounts/{id}/edit", id).with(user("sam").roles("AE")).with(csrf())
			.param("version", "0")
			.param("name", "Edit Co Renamed")
			.param("arrAmount", "510000")
			.param("arrCurrency", "eur")
			.param("renewalDate", "2027-06-30")
			.param("segment", "STRATEGIC")
			.param("country", "de")
			.param("timeZone", "Europe/Berlin")
			.param("calendar", "default")
			.param("contacts[0].role", "SPONSOR").param("contacts[0].name", "Dana Fox").param("contacts[0].email", "dana@fox.example")
			.param("contacts[1].role", "POC").param("contacts[1].name", "Kai Berg").param("contacts[1].title", "IT lead")
			.param("contacts[2].role", "EXEC").param("contacts[2].name", " ").param("contacts[2].email", "");
		java.util.Map<TeamRole, Long> team = new java.util.EnumMap<>(TeamRole.class);
		for (TeamRole role : TeamRole.values()) {
			long person = role == TeamRole.CSM ? csm : fixtures.person("Edit " + role);
			team.put(role, person);
			edit.param("team[" + role + "]", String.valueOf(person));
		}
		mvc.perform(edit).andExpect(redirectedUrl("/accounts/" + id + "?updated"));

		AccountDetails saved = accounts.get(id);
		assertThat(saved.version()).isEqualTo(1);
		assertThat(saved.name()).isEqualTo("Edit Co Renamed");
		assertThat(saved.arr()).isEqualTo(new Money(new BigDecimal("510000.00"), Currency.getInstance("EUR")));
		assertThat(saved.renewalDate()).isEqualTo(LocalDate.of(2027, 6, 30));
		assertThat(saved.country()).isEqualTo("DE");
		assertThat(saved.timeZone()).isEqualTo("Europe/Berlin");
		assertThat(saved.team()).extracting(m -> m.role(), m -> m.person().id())
			.containsExactlyInAnyOrderElementsOf(team.entrySet().stream().map(e -> tuple(e.getKey(), e.getValue())).toList());
		assertThat(saved.contacts()).extracting(AccountDetails.ContactView::role, AccountDetails.ContactView::name,
				AccountDetails.ContactView::email, AccountDetails.ContactView::title)
			.containsExactly(tuple(ContactRole.SPONSOR, "Dana Fox", "dana@fox.example", null),
					tuple(ContactRole.POC, "Kai Berg", null, "IT lead"));
		mvc.perform(get("/accounts/{id}", id).param("updated", "").with(user("sam").roles("AE")))
			.andExpect(content().string(allOf(containsString("role=\"status\">Changes saved.</div>"),
					containsString("EUR 510,000"), containsString("Kai Berg"), containsString("Edit SECURITY"))));

		// Nobody for a role takes its person off the team.
		mvc.perform(post("/accounts/{id}/edit", id).with(user("alex").roles("CSM")).with(csrf())
			.param("version", "1").param("name", "Edit Co Renamed").param("segment", "STRATEGIC").param("country", "DE")
			.param("timeZone", "Europe/Berlin").param("team[CSM]", String.valueOf(csm)).param("team[LEGAL]", ""))
			.andExpect(redirectedUrl("/accounts/" + id + "?updated"));
		assertThat(accounts.get(id).team()).extracting(m -> m.role()).containsExactly(TeamRole.CSM);
		assertThat(accounts.get(id).arr()).isNull();
		assertThat(accounts.get(id).contacts()).isEmpty();
	}

	@Test
	void theEditFormShowsEveryProblemAtOnce() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long id = fixtures.account("Edit Errors", fixtures.person("Edit Errors Csm"));
		mvc.perform(post("/accounts/{id}/edit", id).with(user("alex").roles("CSM")).with(csrf())
			.param("version", "0").param("name", " ").param("arrAmount", "100").param("arrCurrency", "XYZ")
			.param("renewalDate", "1999-01-01").param("country", "QQ").param("timeZone", "Mars/Olympus")
			.param("calendar", "mars").param("team[ENG_LEAD]", "987654321")
			.param("contacts[0].role", "POC").param("contacts[0].email", "not-an-email"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("please correct the fields marked below"),
					containsString("id=\"name-error\">is required"), containsString("id=\"arrCurrency-error\""),
					containsString("id=\"renewalDate-error\""), containsString("id=\"segment-error\">is required"),
					containsString("id=\"country-error\">&#39;QQ&#39; is not an ISO 3166 country code"),
					containsString("id=\"timeZone-error\">must be a time zone such as Europe/Paris"),
					containsString("id=\"calendar-error\">&#39;mars&#39; is not a calendar of the playbook"),
					containsString("id=\"team-ENG_LEAD-error\">no person with id 987654321"),
					containsString("id=\"contacts-0-name-error\">is required"),
					containsString("id=\"contacts-0-email-error\">must be an email address"),
					containsString("value=\"Mars/Olympus\""))));
		assertThat(accounts.get(id).version()).isZero();

		mvc.perform(post("/accounts/{id}/edit", id).with(user("alex").roles("CSM")).with(csrf())
			.param("version", "0").param("name", "TechCorp Enterprises").param("segment", "SMB").param("country", "US")
			.param("timeZone", "America/Chicago"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"name-error\""), containsString("already exists"))));
	}

	@Test
	void aStaleEditIsRefusedWithTheCurrentVersionBesideWhatWasTyped() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long id = fixtures.account("Edit Stale", fixtures.person("Edit Stale Csm"));
		String name = accounts.get(id).name();
		mvc.perform(post("/accounts/{id}/edit", id).with(user("alex").roles("CSM")).with(csrf())
			.param("version", "0").param("name", name + " Ltd").param("segment", "SMB").param("country", "US")
			.param("timeZone", "America/Chicago"))
			.andExpect(redirectedUrl("/accounts/" + id + "?updated"));
		mvc.perform(post("/accounts/{id}/edit", id).with(user("alex").roles("CSM")).with(csrf())
			.param("version", "0").param("name", "My stale name").param("segment", "SMB").param("country", "US")
			.param("timeZone", "America/Chicago"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("changed by someone else meanwhile"),
					containsString("The current version (1)"), containsString("<dd>" + name + " Ltd</dd>"),
					containsString("value=\"My stale name\""), containsString("name=\"version\" value=\"1\""))));
		assertThat(accounts.get(id).name()).isEqualTo(name + " Ltd");
	}

	@Test
	void readersMayNotEditAnAccount() throws Exception {
		long id = accounts.findByName("TechCorp Enterprises").orElseThrow().id();
		mvc.perform(get("/accounts/{id}", id).with(user("jordan").roles("EXEC")))
			.andExpect(content().string(not(containsString("/edit\""))));
		mvc.perform(get("/accounts/{id}/edit", id).with(user("jordan").roles("EXEC"))).andExpect(status().isForbidden());
		mvc.perform(post("/accounts/{id}/edit", id).with(user("jordan").roles("EXEC")).with(csrf()).param("version", "0"))
			.andExpect(status().isForbidden());
	}

	private static MockHttpServletRequestBuilder create() {
		return post("/accounts/new").with(user("alex").roles("CSM")).with(csrf());
	}

}
