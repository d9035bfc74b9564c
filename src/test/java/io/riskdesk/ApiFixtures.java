package io.riskdesk;

import java.time.LocalDate;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Creates what a test needs through the API, as the demo CSM {@code alex}. Names are unique per call. */
public final class ApiFixtures {

	private final MockMvc mvc;

	public ApiFixtures(MockMvc mvc) {
		this.mvc = mvc;
	}

	public static MockHttpServletRequestBuilder asAlex(MockHttpServletRequestBuilder request) {
		return as("alex", request);
	}

	public static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
		return request.with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON);
	}

	public long person(String name) throws Exception {
		String email = name.toLowerCase().replace(' ', '.') + "." + unique() + "@test.example";
		return id(asAlex(post("/api/people")).content("""
				{"name": "%s", "email": "%s", "slackHandle": "@%s"}""".formatted(name, email, unique())));
	}

	public long account(String name, long csm) throws Exception {
		return id(asAlex(post("/api/accounts")).content("""
				{"name": "%s %s", "arr": {"amount": 480000, "currency": "USD"}, "renewalDate": "2027-01-31",
				 "segment": "ENTERPRISE", "country": "US", "timeZone": "America/Chicago",
				 "team": {"CSM": %d}, "contacts": [{"role": "SPONSOR", "name": "Dana Fox", "email": "dana@fox.example"}]}
				""".formatted(name, unique(), csm)));
	}

	/** An enterprise account in New York (its business calendar: US holidays, Eastern time), with this CSM. */
	public long newYorkAccount(String name, long csm) throws Exception {
		return id(asAlex(post("/api/accounts")).content("""
				{"name": "%s %s", "arr": {"amount": 250000, "currency": "USD"}, "segment": "ENTERPRISE",
				 "country": "US", "timeZone": "America/New_York", "team": {"CSM": %d}}""".formatted(name, unique(), csm)));
	}

	/** An SMB account with this ARR and renewal date; the name gets a unique suffix. */
	public long account(String name, String amount, String currency, LocalDate renewalDate) throws Exception {
		return id(asAlex(post("/api/accounts")).content("""
				{"name": "%s %s", "arr": {"amount": %s, "currency": "%s"}, "renewalDate": "%s",
				 "segment": "SMB", "country": "US", "timeZone": "UTC"}""".formatted(name, unique(), amount, currency,
				renewalDate)));
	}

	/** Logs a risk and returns its key. */
	public String risk(long accountId, String title) throws Exception {
		MvcResult result = mvc.perform(asAlex(post("/api/risks")).content("""
				{"accountId": %d, "title": "%s", "category": "SUPPORT", "evidence": ["3 Sev-1 tickets in 30 days"]}
				""".formatted(accountId, title))).andExpect(status().isCreated()).andReturn();
		return JsonPath.read(result.getResponse().getContentAsString(), "$.key");
	}

	private long id(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = mvc.perform(request).andExpect(status().isCreated()).andReturn();
		return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
