package io.riskdesk.webhook;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.riskdesk.ApiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The subscriptions' API and page in the shared context (delivery off): what an admin can do, what
 * is refused with which field, and who may not come in at all.
 */
@RiskdeskTest
class WebhookApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createsWithAGeneratedSecretShownOnceAndReplacesWithIfMatch() throws Exception {
		String url = "https://crm-" + UUID.randomUUID() + ".example.com/hooks";
		String created = admin(post("/api/admin/webhooks"), """
				{"url": "%s", "eventTypes": ["RISK_TRIAGED", "RISK_CLOSED"], "description": "CRM"}""".formatted(url))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
			.andExpect(header().string(HttpHeaders.LOCATION, startsWith("/api/admin/webhooks/")))
			.andExpect(jsonPath("$.secret").value(startsWith("whsec_")))
			.andExpect(jsonPath("$.enabled").value(true))
			.andExpect(jsonPath("$.consecutiveFailures").value(0))
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		assertThat(JsonPath.<String>read(created, "$.secret")).hasSize("whsec_".length() + 64);

		mvc.perform(as("admin", get("/api/admin/webhooks/{id}", id)))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
			.andExpect(jsonPath("$.url").value(url))
			.andExpect(jsonPath("$.secret").doesNotExist());
		mvc.perform(as("admin", get("/api/admin/webhooks")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].url", hasItem(url)))
			.andExpect(jsonPath("$[*].secret").isEmpty());

		String replacement = """
				{"url": "%s", "eventTypes": ["SLA_BREACHED"], "enabled": false, "secret": "a-new-secret-of-32-characters!!"}"""
			.formatted(url);
		admin(put("/api/admin/webhooks/{id}", id), replacement).andExpect(status().isPreconditionRequired());
		admin(put("/api/admin/webhooks/{id}", id).header(HttpHeaders.IF_MATCH, "\"7\""), replacement)
			.andExpect(status().isConflict());
		admin(put("/api/admin/webhooks/{id}", id).header(HttpHeaders.IF_MATCH, "\"0\""), replacement)
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
			.andExpect(jsonPath("$.eventTypes[0]").value("SLA_BREACHED"))
			.andExpect(jsonPath("$.enabled").value(false))
			.andExpect(jsonPath("$.description").doesNotExist())
			.andExpect(jsonPath("$.secret").value("a-new-secret-of-32-characters!!"));
		assertThat(jdbc.sql("select secret from webhook_subscription where id = :id").param("id", id)
			.query(String.class).single()).isEqualTo("a-new-secret-of-32-characters!!");

		mvc.perform(as("admin", delete("/api/admin/webhooks/{id}", id)).header(HttpHeaders.IF_MATCH, "\"0\""))
			.andExpect(status().isConflict());
		mvc.perform(as("admin", delete("/api/admin/webhooks/{id}", id))).andExpect(status().isNoContent());
		mvc.perform(as("admin", get("/api/admin/webhooks/{id}", id))).andExpect(status().isNotFound());
	}

	@Test
	void refusesBadInputNamingTheFieldAndWritesNothing() throws Exception {
		long before = count();
		invalid("""
				{"url": "ftp://files.example.com/in", "eventTypes": ["RISK_OPENED"]}""", "url");
		invalid("""
				{"url": "https:///no-host", "eventTypes": ["RISK_OPENED"]}""", "url");
		invalid("""
				{"url": "https://user:pw@hooks.example.com", "eventTypes": ["RISK_OPENED"]}""", "url");
		invalid("""
				{"url": "not a url at all", "eventTypes": ["RISK_OPENED"]}""", "url");
		invalid("""
				{"url": "https://hooks.example.com", "eventTypes": []}""", "eventTypes");
		invalid("""
				{"url": "https://hooks.example.com", "eventTypes": ["RISK_OPENED"], "secret": "short"}""", "secret");
		admin(post("/api/admin/webhooks"), """
				{"url": "https://hooks.example.com", "eventTypes": ["RISK_EXPLODED"]}""")
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("eventTypes")));
		assertThat(count()).isEqualTo(before);

		mvc.perform(as("admin", get("/api/admin/webhooks/{id}/deliveries", Long.MAX_VALUE))).andExpect(status().isNotFound());
		long id = id(admin(post("/api/admin/webhooks"), """
				{"url": "https://hooks.example.com/%s", "eventTypes": ["RISK_OPENED"]}""".formatted(UUID.randomUUID())));
		mvc.perform(as("admin", get("/api/admin/webhooks/{id}/deliveries", id)).param("limit", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
		mvc.perform(as("admin", post("/api/admin/webhooks/{id}/deliveries/{d}/redeliver", id, UUID.randomUUID())))
			.andExpect(status().isNotFound());
		mvc.perform(as("admin", delete("/api/admin/webhooks/{id}", id))).andExpect(status().isNoContent());
	}

	@Test
	void onlyAdminsComeIn() throws Exception {
		String body = """
				{"url": "https://hooks.example.com", "eventTypes": ["RISK_OPENED"]}""";
		mvc.perform(post("/api/admin/webhooks").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/admin/webhooks")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/admin/webhooks/1/deliveries")).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/admin/webhooks/1/deliveries/{d}/redeliver", UUID.randomUUID()))
			.andExpect(status().isUnauthorized());
		for (String user : new String[] { "alex", "morgan" }) {
			mvc.perform(as(user, post("/api/admin/webhooks")).content(body)).andExpect(status().isForbidden());
			mvc.perform(as(user, get("/api/admin/webhooks"))).andExpect(status().isForbidden());
			mvc.perform(as(user, get("/api/admin/webhooks/1"))).andExpect(status().isForbidden());
			mvc.perform(as(user, put("/api/admin/webhooks/1")).content(body)).andExpect(status().isForbidden());
			mvc.perform(as(user, delete("/api/admin/webhooks/1"))).andExpect(status().isForbidden());
			mvc.perform(as(user, get("/api/admin/webhooks/1/deliveries"))).andExpect(status().isForbidden());
			mvc.perform(as(user, post("/api/admin/webhooks/1/deliveries/{d}/redeliver", UUID.randomUUID())))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/admin/webhooks").with(user("morgan").roles("CS_MANAGER"))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/webhooks").with(user("morgan").roles("CS_MANAGER")).with(csrf())
			.param("url", "https://hooks.example.com").param("eventTypes", "RISK_OPENED"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/webhooks")).andExpect(status().is3xxRedirection());
	}

	@Test
	void thePageCreatesShowsTheSecretOnceAndTogglesInPlace() throws Exception {
		String url = "https://page-" + UUID.randomUUID() + ".example.com/in";
		mvc.perform(post("/admin/webhooks").with(user("admin").roles("ADMIN")).with(csrf())
			.param("url", "gopher://old.example.com").param("eventTypes", "RISK_OPENED"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("must be an http or https URL")));
		String location = mvc.perform(post("/admin/webhooks").with(user("admin").roles("ADMIN")).with(csrf())
			.param("url", url).param("eventTypes", "RISK_OPENED", "RISK_CLOSED").param("description", "Support tool"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/admin/webhooks/*"))
			.andExpect(flash().attribute("secret", startsWith("whsec_")))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		mvc.perform(get("/admin/webhooks").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(url)));
		mvc.perform(get(location).with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Delivery log")))
			.andExpect(content().string(containsString("No delivery yet.")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("webhook-secret"))));

		mvc.perform(post("/admin/webhooks/{id}/enabled", id).with(user("admin").roles("ADMIN")).with(csrf())
			.header("HX-Request", "true").param("version", "0").param("enabled", "false"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"webhook-panel\"")))
			.andExpect(content().string(containsString("Disabled: no new events are queued")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("<nav"))));
		// A page still showing version 0 is refused with the panel as it now is.
		mvc.perform(post("/admin/webhooks/{id}/enabled", id).with(user("admin").roles("ADMIN")).with(csrf())
			.header("HX-Request", "true").param("version", "0").param("enabled", "true"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("changed by someone else")))
			.andExpect(content().string(containsString(">Enable<")));
		mvc.perform(post("/admin/webhooks/{id}/delete", id).with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select count(*) from webhook_subscription where id = :id").param("id", id)
			.query(Long.class).single()).isZero();
	}

	private void invalid(String body, String field) throws Exception {
		admin(post("/api/admin/webhooks"), body).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

	private ResultActions admin(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String body) throws Exception {
		return mvc.perform(as("admin", request).content(body));
	}

	private long id(ResultActions created) throws Exception {
		return ((Number) JsonPath.read(created.andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString(), "$.id")).longValue();
	}

	private long count() {
		return jdbc.sql("select count(*) from webhook_subscription").query(Long.class).single();
	}


}
