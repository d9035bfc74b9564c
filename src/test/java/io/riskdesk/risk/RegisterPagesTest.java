package io.riskdesk.risk;

import java.util.ArrayList;
import java.util.List;

import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import io.riskdesk.core.Csv;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RiskdeskTest
@Transactional
class RegisterPagesTest {

	@Autowired
	MockMvc mvc;

	@Test
	void filtersAreGetParametersSoAViewCanBeBookmarked() throws Exception {
		mvc.perform(get("/risks").param("severity", "S0").param("q", "TechCorp").with(user("jordan").roles("EXEC")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("TechCorp Enterprises"),
					containsString("Formal cancellation notice"), not(containsString(">ABC Corp</a>")),
					not(containsString(">TechCorp Solutions</a>")), containsString("value=\"S0\" checked=\"checked\""),
					containsString("value=\"TechCorp\""), not(containsString("New risk</a>")))));
	}

	@Test
	void theDefaultViewIsTheUnresolvedRisksWithAFilterThatCanBeRemoved() throws Exception {
		mvc.perform(get("/risks").with(user("morgan").roles("CS_MANAGER")))
			.andExpect(redirectedUrl("/risks?status=OPEN&status=TRIAGED&status=ACTIVE"));
		mvc.perform(get("/risks?status=OPEN&status=TRIAGED&status=ACTIVE").with(user("morgan").roles("CS_MANAGER")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"ACTIVE\" checked=\"checked\""),
					not(containsString("value=\"CLOSED\" checked")), containsString("<strong>Open, Triaged, Active</strong> only."),
					containsString("<a href=\"/risks?q=\">Show every status</a>"), containsString(">Triaged</span>"),
					not(containsString("status-CLOSED")))));
		mvc.perform(get("/risks?q=").with(user("morgan").roles("CS_MANAGER")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString("Show every status")), containsString("status-CLOSED"))));
		mvc.perform(get("/risks?status=ACTIVE&severity=S0").with(user("morgan").roles("CS_MANAGER")))
			.andExpect(content().string(containsString("<a href=\"/risks?severity=S0\">Show every status</a>")));
	}

	@Test
	void columnHeadersSortAndASecondClickReverses() throws Exception {
		mvc.perform(get("/risks").param("severity", "S1").param("sort", "account,asc").with(user("alex").roles("CSM")))
			.andExpect(content().string(allOf(containsString("aria-sort=\"ascending\""),
					containsString("href=\"/risks?severity=S1&amp;sort=account,desc\""),
					containsString("href=\"/risks?severity=S1&amp;sort=title,asc\""),
					containsString("href=\"/risks.csv?severity=S1&amp;sort=account,asc\""))));
		mvc.perform(get("/risks").param("sort", "colour").with(user("alex").roles("CSM")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("is not sortable")));
		mvc.perform(get("/risks").param("severity", "S9").with(user("alex").roles("CSM")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Some filters could not be used")));
	}

	@Test
	void pagesThroughTheRegister() throws Exception {
		mvc.perform(get("/risks").param("size", "5").with(user("alex").roles("CSM")))
			.andExpect(content().string(allOf(containsString("Page 1 of"),
					containsString("href=\"/risks?size=5&amp;page=1\" rel=\"next\""))));
	}

	@Test
	void exportsTheCurrentViewAsCsv() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long account = fixtures.account("Quote, \\\"Inc\\\"", fixtures.person("Csv Owner"));
		String key = fixtures.risk(account, "Budget freeze, \\\"hard\\\" stop");

		String csv = mvc.perform(get("/risks.csv").param("accountId", String.valueOf(account)).with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith("text/csv")))
			.andExpect(header().string("Content-Disposition", containsString("risks.csv")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).startsWith(String.join(",", RegisterCsv.HEADER) + "\r\n")
			.contains(key + ",\"Budget freeze, \"\"hard\"\" stop\",\"Quote, \"\"Inc\"\" ")
			.contains(",SUPPORT,,OPEN,MANUAL,,480000.00,USD,2027-01-31,")
			.endsWith("\r\n");
		assertThat(csv.split("\r\n")).hasSize(2);

		String all = mvc.perform(get("/risks.csv").param("severity", "S0").with(user("alex").roles("CSM")))
			.andReturn().getResponse().getContentAsString();
		assertThat(all.split("\r\n")).hasSizeGreaterThan(2).allSatisfy(line -> assertThat(line).matches("^(key,.*|RISK-.*,S0,.*)"));

		mvc.perform(get("/risks.csv").param("sort", "colour").with(user("alex").roles("CSM")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Sort: &#39;colour&#39; is not sortable")));
	}

	@Test
	void csvFieldsAreQuotedOnlyWhenTheyNeedIt() {
		assertThat(Csv.field("plain")).isEqualTo("plain");
		assertThat(Csv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(Csv.field(-5L)).isEqualTo("-5");
		assertThat(Csv.field(null)).isEmpty();
		assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
		assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
	}

	@Test
	void theNewRiskFormShowsProblemsNextToTheFieldsAndLogsAValidRisk() throws Exception {
		mvc.perform(post("/risks/new").with(user("alex").roles("CSM")).with(csrf()).param("title", " "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"accountId-error\""), containsString("is required"),
					containsString("id=\"title-error\""), containsString("is required"),
					containsString("id=\"category-error\""))));
		// A value that does not bind and the record's rules are reported together, not in rounds.
		mvc.perform(post("/risks/new").with(user("alex").roles("CSM")).with(csrf()).param("accountId", "seven")
			.param("title", "x".repeat(301)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"accountId-error\""), containsString("has an invalid value"),
					containsString("id=\"title-error\""), containsString("must be at most 300 characters"),
					containsString("id=\"category-error\""))));

		ApiFixtures fixtures = new ApiFixtures(mvc);
		long account = fixtures.account("Form Co", fixtures.person("Form Owner"));
		mvc.perform(post("/risks/new").with(user("alex").roles("CSM"))
			.with(csrf())
			.param("accountId", String.valueOf(account))
			.param("title", "Champion left")
			.param("category", "PEOPLE")
			.param("ownerId", "999999"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"ownerId-error\""), containsString("no person with id 999999"),
					containsString("value=\"Champion left\""))));
		mvc.perform(post("/risks/new").with(user("alex").roles("CSM"))
			.with(csrf())
			.param("accountId", String.valueOf(account))
			.param("title", "Champion left")
			.param("category", "PEOPLE")
			.param("evidence", "LinkedIn update\n\n  Out-of-office reply  "))
			.andExpect(redirectedUrlPattern("/risks/RISK-*?created"));
		mvc.perform(get("/risks").param("accountId", String.valueOf(account)).with(user("alex").roles("CSM")))
			.andExpect(content().string(matchesPattern("(?s).*Champion left.*")));
	}

	@Autowired
	RiskRegister risks;

	@Test
	void theExportStreamsEveryRiskOfTheViewInItsOrder() {
		List<String> batched = new ArrayList<>();
		risks.forEach(RiskQuery.all(), Sort.by("key"), risk -> batched.add(risk.key()));

		List<String> onePage = risks.list(RiskQuery.all(), PageRequest.of(0, 100_000, Sort.by("key"))).map(RiskSummary::key).toList();
		assertThat(batched).hasSizeGreaterThan(7 * 3).isEqualTo(onePage);
	}

}
