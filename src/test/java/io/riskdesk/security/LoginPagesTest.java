package io.riskdesk.security;

import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RiskdeskTest
class LoginPagesTest {

	@Autowired
	MockMvc mvc;

	@Test
	void pagesNeedASignInAndTheSignInPageIsOurs() throws Exception {
		mvc.perform(get("/risks")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html lang=\"en\">"), containsString("Sign in to Riskdesk"),
					containsString("<label for=\"username\">Username</label>"),
					containsString("<label for=\"password\">Password</label>"), containsString("name=\"_csrf\""))));
	}

	@Test
	void signsInAndOut() throws Exception {
		mvc.perform(formLogin("/login").user("alex").password("demo")).andExpect(redirectedUrl("/"));
		mvc.perform(formLogin("/login").user("alex").password("wrong")).andExpect(redirectedUrl("/login?error"));
		mvc.perform(get("/login").param("error", "")).andExpect(content().string(containsString("Wrong username or password")));
		mvc.perform(logout()).andExpect(redirectedUrl("/login?logout"));
	}

	@Test
	void theLayoutShowsWhoIsSignedInAndTheNavigation() throws Exception {
		mvc.perform(get("/playbook").with(user("morgan").roles("CS_MANAGER")))
			.andExpect(content().string(allOf(containsString("Morgan Lee"), containsString("CS manager"),
					containsString("href=\"/risks\">Register</a>"), containsString("aria-current=\"page\">Playbook</a>"),
					containsString("<meta name=\"_csrf\""), containsString("hx-headers="))));
	}

	@Test
	void aRefusedPageSaysWhichRolesItNeeds() throws Exception {
		mvc.perform(get("/accounts/new").with(user("jordan").roles("EXEC")))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/access-denied"))
			.andExpect(request().attribute(UiAccessRules.REQUIRED_ROLES,
					java.util.List.of("ADMIN", "AE", "CSM", "CS_LEADER", "CS_MANAGER")));
		mvc.perform(get("/access-denied").with(user("jordan").roles("EXEC"))
			.requestAttr(UiAccessRules.REQUIRED_ROLES, java.util.List.of("ADMIN", "AE")))
			.andExpect(status().isForbidden())
			.andExpect(content().string(allOf(containsString("This needs one of the roles"),
					containsString("Administrator, Account executive"), containsString("Jordan Blake"),
					containsString("Executive"))));
	}

	@Test
	void theApiStillAnswersWithProblemDetailsNotPages() throws Exception {
		mvc.perform(post("/api/risks").with(user("sam").roles("AE")).contentType("application/json").content("{}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

}
