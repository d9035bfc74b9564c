package io.riskdesk.account;

import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static io.riskdesk.ApiFixtures.as;
import static io.riskdesk.ApiFixtures.asAlex;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RiskdeskTest
@Transactional
class AccountApiTest {

	@Autowired
	MockMvc mvc;

	private String account(String name, long csm, String currency, String country, String zone) {
		return """
				{"name": "%s", "arr": {"amount": 1250000.50, "currency": "%s"}, "renewalDate": "2027-03-31",
				 "segment": "STRATEGIC", "country": "%s", "timeZone": "%s", "team": {"CSM": %d, "AE": %d},
				 "contacts": [{"role": "POC", "name": "Kai Berg", "email": "kai@globex.example", "title": "IT lead"}]}
				""".formatted(name, currency, country, zone, csm, csm);
	}

	@Test
	void createsReadsReplacesAndDeletesAnAccount() throws Exception {
		long csm = new ApiFixtures(mvc).person("Rita Csm");
		String location = mvc.perform(asAlex(post("/api/accounts")).content(account("Globex GmbH", csm, "EUR", "de", "Europe/Berlin")))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
			.andExpect(jsonPath("$.arr.amount").value(1250000.50))
			.andExpect(jsonPath("$.arr.currency").value("EUR"))
			.andExpect(jsonPath("$.country").value("DE"))
			.andExpect(jsonPath("$.timeZone").value("Europe/Berlin"))
			.andExpect(jsonPath("$.team[?(@.role == 'CSM')].person.name").value("Rita Csm"))
			.andExpect(jsonPath("$.contacts[0].name").value("Kai Berg"))
			.andExpect(jsonPath("$.daysToRenewal").isNumber())
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.LOCATION);

		mvc.perform(asAlex(get(location))).andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Globex GmbH"));
		mvc.perform(asAlex(put(location)).header(HttpHeaders.IF_MATCH, "\"0\"")
			.content(account("Globex AG", csm, "CHF", "CH", "Europe/Zurich")))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
			.andExpect(jsonPath("$.arr.currency").value("CHF"));
		mvc.perform(asAlex(put(location)).header(HttpHeaders.IF_MATCH, "\"0\"")
			.content(account("Globex Stale", csm, "CHF", "CH", "Europe/Zurich")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("Conflict"))
			.andExpect(jsonPath("$.detail", containsString("was changed by someone else (your version 0, current version 1)")))
			.andExpect(jsonPath("$.currentVersion").value(1));
		mvc.perform(asAlex(delete(location)).header(HttpHeaders.IF_MATCH, "\"1\"")).andExpect(status().isNoContent());
		mvc.perform(asAlex(get(location))).andExpect(status().isNotFound());
	}

	@Test
	void namesEveryInvalidField() throws Exception {
		long csm = new ApiFixtures(mvc).person("Rita Csm");
		mvc.perform(asAlex(post("/api/accounts")).content(account("Initech", csm, "XYZ", "US", "America/Chicago")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("arr.currency"));
		mvc.perform(asAlex(post("/api/accounts")).content(account("Initech", csm, "USD", "QQ", "America/Chicago")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("country"));
		mvc.perform(asAlex(post("/api/accounts")).content(account("Initech", csm, "USD", "US", "Mars/Olympus")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("timeZone"));
		mvc.perform(asAlex(post("/api/accounts")).content(account("Initech", csm, "USD", "US", "America/Chicago")
			.replace("\"segment\"", "\"calendar\": \"mars\", \"segment\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("calendar"))
			.andExpect(jsonPath("$.errors[0].reason").value("'mars' is not a calendar of the playbook; use one of [default]"));
		mvc.perform(asAlex(post("/api/accounts")).content(account("Initech", 987654321L, "USD", "US", "America/Chicago")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("team.CSM"));
		mvc.perform(asAlex(post("/api/accounts")).content("{\"name\": \" \", \"arr\": {\"amount\": -5, \"currency\": \"USD\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("arr.amount", "country",
					"name", "segment", "timeZone")));
	}

	@Test
	void keepsTheCrmIdAndFirstValueDueAndRefusesACrmIdTwice() throws Exception {
		String crmId = "CRM-" + java.util.UUID.randomUUID();
		String body = """
				{"name": "%s", "segment": "SMB", "country": "US", "timeZone": "America/Chicago",
				 "externalId": " %s ", "firstValueDue": "%s"}""";
		mvc.perform(asAlex(post("/api/accounts")).content(body.formatted("Vandelay " + crmId, crmId, "2027-02-01")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.externalId").value(crmId))
			.andExpect(jsonPath("$.firstValueDue").value("2027-02-01"));
		mvc.perform(asAlex(post("/api/accounts")).content(body.formatted("Kramerica " + crmId, crmId, "2027-02-01")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("The external id " + crmId + " is account Vandelay")));
		mvc.perform(asAlex(post("/api/accounts")).content(body.formatted("Kramerica " + crmId, "x".repeat(101), "2027-02-01")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("externalId"));
	}

	@Test
	void refusesADuplicateNameAndAnAeMayWriteAccountsButNotAnExec() throws Exception {
		long csm = new ApiFixtures(mvc).person("Rita Csm");
		mvc.perform(as("sam", post("/api/accounts")).content(account("Hooli", csm, "USD", "US", "America/Los_Angeles")))
			.andExpect(status().isCreated());
		mvc.perform(asAlex(post("/api/accounts")).content(account("HOOLI", csm, "USD", "US", "America/Los_Angeles")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("already exists")));
		mvc.perform(as("jordan", post("/api/accounts")).content(account("Pied Piper", csm, "USD", "US", "America/Los_Angeles")))
			.andExpect(status().isForbidden());
	}

	@Test
	void keepsThePeopleDirectoryUniqueByEmail() throws Exception {
		mvc.perform(asAlex(post("/api/people")).content("{\"name\": \"Jo Lane\", \"email\": \"jo.lane@corp.example\"}"))
			.andExpect(status().isCreated());
		mvc.perform(asAlex(post("/api/people")).content("{\"name\": \"Jo Lane 2\", \"email\": \"JO.LANE@corp.example\"}"))
			.andExpect(status().isConflict());
		mvc.perform(asAlex(post("/api/people")).content("{\"name\": \"Jo\", \"email\": \"not-an-email\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
	}

}
