package io.riskdesk.report;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.MutableClock;
import io.riskdesk.RiskdeskTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.riskdesk.ApiFixtures.as;
import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The executive PDFs parsed back with PDFBox: what an executive reads is in the text, non-Latin names too. */
@RiskdeskTest
class ExecutivePdfTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Test
	void theExecutiveSummaryNamesTheAccountItsFiguresAndSeverityHistoryInItsOwnFonts() throws Exception {
		String name = "Zürich 東京 Holdings " + unique();
		String key = triagedRisk(name, "S1", "Checkout failing for Zürich");

		byte[] pdf = mvc.perform(asAlex(get("/api/risks/{key}/executive-summary.pdf", key)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(header().string("Content-Disposition", containsString(key + "-executive-summary.pdf")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isBetween(1, 4);
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains(name, key, "Checkout failing for Zürich", "S1", "USD 1,234,567.5",
					"Severity history", "Corrective action plan", "Concessions and credits", "Europe/Zurich");
			assertThat(text).as("the severity set at triage").contains("set at triage");
		}
	}

	@Test
	void thePortfolioListsTheUrgentRisksArrBySeverityAndRenewals() throws Exception {
		String name = "東京 Portfolio KK " + unique();
		String key = triagedRisk(name, "S0", "Outage in 東京 region");
		// Unresolved but not triaged yet: no severity, so in none of the severity rows.
		ApiFixtures fixtures = new ApiFixtures(mvc);
		String untriaged = fixtures.risk(account("Untriaged Portfolio " + unique(), fixtures.person("Pdf Owner")),
				"Not triaged yet");

		byte[] pdf = mvc.perform(asAlex(get("/api/reports/portfolio.pdf")))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isBetween(1, 20);
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("ARR at risk by severity", "S0 and S1 risks", key, name, "Outage in 東京 region",
					"SLA compliance", "Triage", "First response", "Renewals at risk in the next 90 days");
			assertThat(text).doesNotContain(untriaged);
		}
	}

	@Test
	void thePagesOfferTheSameDownloads() throws Exception {
		String key = triagedRisk("Page Download " + unique(), "S2", "Slow reports");
		mvc.perform(get("/risks/{key}", key).with(user("jordan").roles("EXEC")))
			.andExpect(content().string(containsString("/risks/" + key + "/executive-summary.pdf")));
		mvc.perform(get("/").with(user("jordan").roles("EXEC")))
			.andExpect(content().string(containsString("/reports/portfolio.pdf")));
		assertThat(pdfText(mvc.perform(get("/risks/{key}/executive-summary.pdf", key).with(user("jordan").roles("EXEC")))
			.andExpect(status().isOk()).andReturn())).contains(key);
		assertThat(pdfText(mvc.perform(get("/reports/portfolio.pdf").with(user("jordan").roles("EXEC")))
			.andExpect(status().isOk()).andReturn())).contains("Portfolio at risk");
	}

	@Test
	void anUnknownRiskIsA404ProblemDetail() throws Exception {
		mvc.perform(asAlex(get("/api/risks/RISK-1999-9999/executive-summary.pdf")).accept(MediaType.APPLICATION_PDF,
				MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("RISK-1999-9999")));
	}

	@Test
	void withoutCredentialsEveryEndpointIs401AndOnlyManagersRunTheDigest() throws Exception {
		mvc.perform(get("/api/risks/RISK-2026-0001/executive-summary.pdf")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/reports/portfolio.pdf")).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/reports/executive-digest/run")).andExpect(status().isUnauthorized());
		mvc.perform(as("jordan", post("/api/reports/executive-digest/run"))).andExpect(status().isForbidden());
		mvc.perform(asAlex(post("/api/reports/executive-digest/run"))).andExpect(status().isForbidden());
		// The test profile names no recipients: a manager's run queues nothing.
		mvc.perform(as("morgan", post("/api/reports/executive-digest/run")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.recipients").value(0))
			.andExpect(jsonPath("$.queued").value(0));
	}

	/** A risk on a new Zurich account with ARR USD 1,234,567.50 renewing in 30 days, triaged at this severity. */
	private String triagedRisk(String accountName, String severity, String title) throws Exception {
		long owner = new ApiFixtures(mvc).person("Pdf Owner");
		String key = new ApiFixtures(mvc).risk(account(accountName, owner), title);
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", key)).content("""
				{"to": "TRIAGED", "severity": "%s", "ownerId": %d, "reason": "first triage"}""".formatted(severity, owner)))
			.andExpect(status().isOk());
		return key;
	}

	/** A new Zurich account with ARR USD 1,234,567.50 renewing in 30 days, this person its CSM. */
	private long account(String name, long csm) throws Exception {
		MvcResult account = mvc.perform(asAlex(post("/api/accounts")).content("""
				{"name": "%s", "arr": {"amount": 1234567.50, "currency": "USD"}, "renewalDate": "%s",
				 "segment": "ENTERPRISE", "country": "CH", "timeZone": "Europe/Zurich", "team": {"CSM": %d}}"""
			.formatted(name, LocalDate.now(clock).plusDays(30), csm))).andExpect(status().isCreated()).andReturn();
		return ((Number) JsonPath.read(account.getResponse().getContentAsString(), "$.id")).longValue();
	}

	private static String pdfText(MvcResult result) throws IOException {
		try (PDDocument document = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
			return new PDFTextStripper().getText(document);
		}
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
