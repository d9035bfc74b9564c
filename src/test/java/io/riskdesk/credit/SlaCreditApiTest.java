package io.riskdesk.credit;

import java.util.List;
import java.util.Set;

import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static io.riskdesk.ApiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/sla-credits/calculate} over HTTP: the answer has exactly the issue's fields, and
 * every bad input is a 400 problem detail naming the field (the arithmetic itself: {@link SlaCreditsTest}).
 */
@RiskdeskTest
class SlaCreditApiTest {

	/** GlobalTech's 48-hour outage in a 30-day month against 99.9%, on fees of 100,000 a month. */
	private static final String GLOBALTECH = """
			{"uptimeTargetPercent": 99.9, "period": "MONTH", "periodStart": "2025-11-01",
			 "periodFees": {"amount": 100000, "currency": "USD"},
			 "tiers": [{"belowPercent": 99.9, "creditPercent": 10}, {"belowPercent": 99, "creditPercent": 25},
			           {"belowPercent": 95, "creditPercent": 50}],
			 "capPercent": 100,
			 "outages": [{"start": "2025-11-03T00:00:00Z", "end": "2025-11-05T00:00:00Z", "scope": "ALL_USERS"}]}
			""";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Test
	void answersExactlyTheIssuesFields() throws Exception {
		String body = mvc.perform(as("alex", post("/api/sla-credits/calculate")).content(GLOBALTECH))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.periodMinutes").value(43200))
			.andExpect(jsonPath("$.downtimeMinutes").value(2880.0))
			.andExpect(jsonPath("$.achievedPercent").value(93.3333))
			.andExpect(jsonPath("$.met").value(false))
			.andExpect(jsonPath("$.creditPercent").value(50))
			.andExpect(jsonPath("$.credit.amount").value(50000.0))
			.andExpect(jsonPath("$.credit.currency").value("USD"))
			.andExpect(jsonPath("$.capped").value(false))
			.andExpect(jsonPath("$.steps", everyItem(instanceOf(String.class))))
			.andExpect(jsonPath("$.steps[-1:]", contains("Credit: 50% of USD 100,000.00 = USD 50,000.00.")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		JsonNode answer = JSON.readTree(body);
		assertThat(Set.copyOf(answer.propertyNames())).containsExactlyInAnyOrder("periodMinutes", "downtimeMinutes",
				"achievedPercent", "met", "creditPercent", "credit", "capped", "steps");
		assertThat(Set.copyOf(answer.get("credit").propertyNames())).containsExactlyInAnyOrder("amount", "currency");
	}

	@Test
	void anySignedInUserMayCalculateButNobodyElse() throws Exception {
		mvc.perform(as("sam", post("/api/sla-credits/calculate")).content(GLOBALTECH)).andExpect(status().isOk());
		mvc.perform(post("/api/sla-credits/calculate").contentType(MediaType.APPLICATION_JSON).content(GLOBALTECH))
			.andExpect(status().isUnauthorized());
	}

	/**
	 * GlobalTech's request with one value replaced ({@code -}: left out), at a JSON pointer. Each is
	 * refused naming exactly that field, by the annotations, the JSON reader or the calculator.
	 */
	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			/period                    | -                        | period                    | is required
			/period                    | "WEEK"                   | period                    | must be one of [MONTH, QUARTER, YEAR]
			/periodStart               | -                        | periodStart               | is required
			/periodStart               | "2025-11-31"             | periodStart               | must be a date such as
			/uptimeTargetPercent       | 100                      | uptimeTargetPercent       | must be less than 100
			/uptimeTargetPercent       | 0                        | uptimeTargetPercent       | must be greater than 0
			/uptimeTargetPercent       | "high"                   | uptimeTargetPercent       | must be a number
			/periodFees                | -                        | periodFees                | is required
			/periodFees/currency       | -                        | periodFees.currency       | is required
			/periodFees/currency       | "XYZ"                    | periodFees.currency       | ISO 4217
			/periodFees/amount         | 0                        | periodFees.amount         | greater than 0
			/tiers                     | []                       | tiers                     | is required
			/tiers/0/creditPercent     | 0                        | tiers[0].creditPercent    | must be greater than 0
			/tiers/1/belowPercent      | 99.95                    | tiers[1].belowPercent     | must not be above the uptime target
			/capPercent                | 101                      | capPercent                | must be less than or equal to 100
			/outages/0/end             | "2025-11-02T00:00:00Z"   | outages[0].end            | after
			/outages/0/scope           | "SOME_USERS"             | outages[0].scope          | must be one of [ALL_USERS, PARTIAL]
			/outages/0/scope           | "PARTIAL"                | outages[0].weight         | required
			/outages/0/weight          | 1.5                      | outages[0].weight         | must be less than or equal to 1
			""")
	void refusesBadInputNamingTheField(String pointer, String value, String field, String reason) throws Exception {
		mvc.perform(as("alex", post("/api/sla-credits/calculate")).content(with(pointer, value)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.title").value("Invalid request"))
			.andExpect(jsonPath("$.detail").value(containsString(field)))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].reason").value(containsString(reason)));
	}

	@Test
	void refusesAMissingOrBrokenBody() throws Exception {
		for (String body : List.of("", "{\"period\": ")) {
			mvc.perform(as("alex", post("/api/sla-credits/calculate")).content(body))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.title").value("Invalid request"));
		}
	}

	/** GlobalTech's request with the value at {@code pointer} replaced by {@code value} (JSON), or left out. */
	private static String with(String pointer, String value) {
		JsonNode root = JSON.readTree(GLOBALTECH);
		int slash = pointer.lastIndexOf('/');
		ObjectNode object = (ObjectNode) root.at(pointer.substring(0, slash));
		String name = pointer.substring(slash + 1);
		if (value == null) {
			object.remove(name);
		}
		else {
			object.set(name, JSON.readTree(value));
		}
		return JSON.writeValueAsString(root);
	}

}
