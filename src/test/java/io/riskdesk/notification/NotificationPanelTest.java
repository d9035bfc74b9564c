package io.riskdesk.notification;

import java.time.Clock;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.riskdesk.ApiFixtures.as;
import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The notifications panel of the risk page, and the admin page of failed deliveries. */
@RiskdeskTest
class NotificationPanelTest {

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
		key = fixtures.risk(fixtures.account("Panel Mail", fixtures.person("Pia Panel")), "Renewal at risk");
		mvc.perform(asAlex(post("/api/risks/{key}/severity", key))
			.content("{\"severity\": \"S2\", \"reason\": \"Usage down\"}")).andExpect(status().isOk());
		failed = ResendApiTest.failedMessage(jdbc, clock, key, "Dana Fox");
	}

	private static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request, String user, String role) {
		return request.header("HX-Request", "true").with(user(user).roles(role)).with(csrf());
	}

	@Test
	void theRiskPageLoadsThePanelAfterWhoIsNotified() throws Exception {
		String page = mvc.perform(get("/risks/{key}", key).with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("hx-get=\"/risks/" + key + "/notifications\"");
		assertThat(page.indexOf("id=\"notifications-panel\"")).isGreaterThan(page.indexOf("id=\"recipients-panel\""))
			.isLessThan(page.indexOf("id=\"concession-panel\""));
	}

	@Test
	void listsTheMessagesAndOffersResendToManagersOnly() throws Exception {
		mvc.perform(htmx(get("/risks/{key}/notifications", key), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"notifications-panel\""),
					containsString("Dana Fox"), containsString("550 mailbox unavailable"), containsString("Failed"),
					containsString("Update the customer"), containsString("name=\"updateKey\""),
					containsString("Dana Fox (Sponsor) dana@fox.example"),
					containsString("Here is where we stand on Renewal at risk."),
					not(containsString(">Resend<")))));

		mvc.perform(htmx(get("/risks/{key}/notifications", key), "morgan", "CS_MANAGER"))
			.andExpect(content().string(containsString(">Resend<")));
		mvc.perform(htmx(post("/risks/{key}/notifications/{id}/resend", key, failed), "alex", "CSM"))
			.andExpect(status().isForbidden());
		mvc.perform(htmx(post("/risks/{key}/notifications/{id}/resend", key, failed), "morgan", "CS_MANAGER"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Queued again."), containsString("Pending"),
					not(containsString(">Resend<")))));
	}

	@Test
	void previewsATemplateInASandbox() throws Exception {
		mvc.perform(htmx(get("/risks/{key}/notifications", key).param("preview", "initial-escalation"), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Preview: initial-escalation"),
					containsString("<iframe class=\"preview-html\" sandbox=\"\""), containsString("Renewal at risk"))));
		mvc.perform(htmx(get("/risks/{key}/notifications", key).param("preview", "nope"), "alex", "CSM"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("No preview: Template: no template nope")));
	}

	@Test
	void composesPreviewsAndSendsACustomerUpdateOnce() throws Exception {
		MockHttpServletRequestBuilder preview = htmx(post("/risks/{key}/notifications/customer-update/preview", key),
				"alex", "CSM")
			.param("subject", "Where we stand").param("message", "Fix on <b>Friday</b>.")
			.param("recipients", "dana@fox.example").param("updateKey", "panel-" + key);
		mvc.perform(preview)
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Preview for Dana Fox"),
					containsString("Fix on &lt;b&gt;Friday&lt;/b&gt;."), containsString("value=\"panel-" + key + "\""))));

		for (int i = 0; i < 2; i++) {
			mvc.perform(htmx(post("/risks/{key}/notifications/customer-update", key), "alex", "CSM")
				.param("subject", "Where we stand").param("message", "Fix on Friday.")
				.param("recipients", "dana@fox.example").param("updateKey", "panel-" + key))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Customer update queued for Dana Fox.")));
		}
		String sent = mvc.perform(as("morgan", get("/api/notifications")).param("riskKey", key).param("trigger",
				"CUSTOMER_UPDATE")).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<java.util.List<Object>>read(sent, "$.content[*].id")).hasSize(1);
	}

	@Test
	void aComposeFormWithMistakesSaysWhereAndSendsNothing() throws Exception {
		mvc.perform(htmx(post("/risks/{key}/notifications/customer-update", key), "alex", "CSM")
			.param("subject", "").param("message", "Soon.").param("recipients", "stranger@else.example")
			.param("updateKey", "bad-" + key))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Not sent: please correct the fields marked below."),
					containsString("id=\"update-subject-error\""))));
		mvc.perform(htmx(post("/risks/{key}/notifications/customer-update", key), "alex", "CSM")
			.param("subject", "Hi").param("message", "Soon.").param("recipients", "stranger@else.example")
			.param("updateKey", "bad-" + key))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("is not the e-mail address of a contact of Panel Mail")));
		// A spoiled hidden key is no field anyone typed: said at the top, and the form gets a fresh one.
		mvc.perform(htmx(post("/risks/{key}/notifications/customer-update", key), "alex", "CSM")
			.param("subject", "Hi").param("message", "Soon.").param("recipients", "dana@fox.example")
			.param("updateKey", "bad|key"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Not sent: the form&#39;s key"),
					containsString("the form has a new one now, send again."), not(containsString("value=\"bad|key\"")))));
	}

	@Test
	void theAdminPageListsFailedDeliveriesForManagers() throws Exception {
		mvc.perform(get("/admin/notifications").with(user("alex").roles("CSM"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/notifications").with(user("casey").roles("CS_LEADER")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("href=\"/risks/" + key + "\""),
					containsString("550 mailbox unavailable"), containsString("/admin/notifications/" + failed + "/resend"))));
		mvc.perform(get("/admin/notifications").param("status", "SENT").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/admin/notifications/" + failed + "/resend"))));
		mvc.perform(get("/admin/notifications").param("status", "LOST").with(user("admin").roles("ADMIN")))
			.andExpect(status().isBadRequest());

		mvc.perform(post("/admin/notifications/{id}/resend", failed).with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/admin/notifications?status=FAILED"))
			.andExpect(flash().attribute("message", "Queued again: the message to Dana Fox by Email."));
		mvc.perform(post("/admin/notifications/{id}/resend", failed).with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(flash().attribute("message", "Not queued: Only a failed notification can be sent again; this one is pending"));
	}

	@Test
	void theNavigationLeadsManagersToTheAdminPage() throws Exception {
		mvc.perform(get("/risks/{key}", key).with(user("morgan").roles("CS_MANAGER")))
			.andExpect(content().string(containsString("href=\"/admin/notifications\"")));
		mvc.perform(get("/risks/{key}", key).with(user("alex").roles("CSM")))
			.andExpect(content().string(not(containsString("href=\"/admin/notifications\""))));
	}

}
