package io.riskdesk.security;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.MutableClock;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static io.riskdesk.ApiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RiskdeskTest
@Transactional
class SecurityTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void apiWithoutCredentialsGets401ProblemDetail() throws Exception {
		mvc.perform(get("/api/risks"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith("application/problem+json")))
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Basic")))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.detail", containsString("Bearer")));
	}

	@Test
	void wrongPasswordGets401() throws Exception {
		mvc.perform(get("/api/risks").with(httpBasic("alex", "wrong"))).andExpect(status().isUnauthorized());
	}

	@Test
	void everyRoleMayReadButOnlyRiskWritersMayWriteRisks() throws Exception {
		mvc.perform(as("jordan", get("/api/risks"))).andExpect(status().isOk());
		mvc.perform(as("sam", get("/api/playbook"))).andExpect(status().isOk());
		mvc.perform(as("sam", post("/api/risks")).content("{\"accountId\": 1, \"title\": \"x\", \"category\": \"PEOPLE\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("Your role (Account executive) may not")))
			.andExpect(jsonPath("$.detail", containsString("CSM, CS manager, CS leader or Administrator")))
			.andExpect(jsonPath("$.detail", not(containsString("FACTOR_"))));
		mvc.perform(as("jordan", post("/api/risks/RISK-2025-0001/decisions")).content("{\"text\": \"x\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aWrongPasswordRightAfterTheRightOneIsStillRefused() throws Exception {
		mvc.perform(get("/api/risks").with(httpBasic("alex", "demo"))).andExpect(status().isOk());
		mvc.perform(get("/api/risks").with(httpBasic("alex", "wrong"))).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/risks").with(httpBasic("alex", "demo"))).andExpect(status().isOk());
	}

	@Test
	void onlyAdminsManageTokens() throws Exception {
		mvc.perform(as("morgan", get("/api/tokens"))).andExpect(status().isForbidden());
		mvc.perform(as("admin", get("/api/tokens"))).andExpect(status().isOk());
	}

	@Test
	void bearerTokenWorksUntilRevoked() throws Exception {
		String created = newToken("alex");
		String secret = JsonPath.read(created, "$.secret");
		int id = JsonPath.read(created, "$.token.id");
		assertThat(secret).startsWith("rd_");
		assertThat(JsonPath.<String>read(created, "$.token.username")).isEqualTo("alex");

		mvc.perform(get("/api/risks").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)).andExpect(status().isOk());
		mvc.perform(as("admin", get("/api/tokens")))
			.andExpect(jsonPath("$[?(@.id == %d)].lastUsedAt".formatted(id)).isNotEmpty())
			.andExpect(jsonPath("$[*].secret").doesNotExist());

		mvc.perform(as("admin", delete("/api/tokens/{id}", id))).andExpect(status().isOk())
			.andExpect(jsonPath("$.revokedAt").isNotEmpty());
		mvc.perform(get("/api/risks").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/risks").header(HttpHeaders.AUTHORIZATION, "Bearer rd_not-a-token"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aTokenReadWritesItsUseAtMostOnceAMinute() throws Exception {
		// Two minutes ago: the shared scheduler tells time by this clock and would stall after an instant beyond real time.
		Instant start = clock.instant().minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.SECONDS);
		clock.set(start);
		try {
			String created = newToken("alex");
			String secret = JsonPath.read(created, "$.secret");
			int id = JsonPath.read(created, "$.token.id");
			read(secret);
			assertThat(lastUsed(id)).isEqualTo(start);

			clock.advance(Duration.ofSeconds(59));
			read(secret);
			read(secret);
			assertThat(lastUsed(id)).as("no write within the minute").isEqualTo(start);

			clock.advance(Duration.ofSeconds(2));
			read(secret);
			assertThat(lastUsed(id)).isEqualTo(start.plusSeconds(61));
		}
		finally {
			clock.reset();
		}
	}

	@Test
	void theOpenApiDocumentIsTheApiClientsContractToo() throws Exception {
		mvc.perform(as("alex", get("/v3/api-docs")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openapi").value(startsWith("3.")))
			.andExpect(jsonPath("$.paths['/api/risks']").exists());
		String secret = JsonPath.read(newToken("jordan"), "$.secret");
		mvc.perform(get("/v3/api-docs").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/notifications']").exists());
		// Wrong credentials are an API client's mistake: a problem detail, not the login page.
		mvc.perform(get("/v3/api-docs").with(httpBasic("alex", "not-the-password")))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith("application/problem+json")));
		mvc.perform(get("/v3/api-docs").header(HttpHeaders.AUTHORIZATION, "Bearer rd_not-a-token"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void healthAndLoginPageAreOpenEverythingElseIsNot() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/login")).andExpect(status().isOk());
		mvc.perform(get("/").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		// Without credentials the document is a page of the signed-in UI (Swagger UI reads it with the session).
		mvc.perform(get("/v3/api-docs").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		mvc.perform(as("admin", get("/actuator/prometheus"))).andExpect(status().isOk());
	}

	/** A new token for the user, as the admin gets it: {@code {"token": {"id", ...}, "secret"}}. */
	private String newToken(String username) throws Exception {
		return mvc.perform(as("admin", post("/api/tokens")).content("{\"name\": \"CRM sync\", \"username\": \"%s\"}".formatted(username)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private void read(String secret) throws Exception {
		mvc.perform(get("/api/risks?size=1").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)).andExpect(status().isOk());
	}

	private Instant lastUsed(int id) {
		return jdbc.sql("select last_used_at from api_token where id = :id").param("id", id).query(Instant.class).single();
	}

}
