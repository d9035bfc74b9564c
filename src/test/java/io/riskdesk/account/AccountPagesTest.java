package io.riskdesk.account;

import java.math.BigDecimal;
import java.util.Currency;

import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
		mvc.perform(get("/accounts").param("size", "200").with(user("alex").roles("CSM")))
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
			.param("country", "US").param("timeZone", "Mars/Olympus"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"name-error\""), containsString("id=\"segment-error\""),
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

	private static MockHttpServletRequestBuilder create() {
		return post("/accounts/new").with(user("alex").roles("CSM")).with(csrf());
	}

}
