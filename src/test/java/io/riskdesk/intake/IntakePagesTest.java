package io.riskdesk.intake;

import io.riskdesk.SeedDocuments;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import io.riskdesk.intake.IntakeImports.Review;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RiskdeskTest
class IntakePagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	IntakeImports imports;

	@Test
	void theStartPageIsForRiskWriters() throws Exception {
		mvc.perform(get("/intake").with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Import an escalation email or meeting notes")));
		mvc.perform(get("/intake").with(user("jordan").roles("EXEC")))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/access-denied"))
			.andExpect(request().attribute("riskdesk.requiredRoles", List.of("ADMIN", "CSM", "CS_LEADER", "CS_MANAGER")));
	}

	@Test
	void aPastedSeedIsReviewedBesideItsHighlightedText() throws Exception {
		String seed = new String(SeedDocuments.read("meeting-globaltech.md"), StandardCharsets.UTF_8);
		mvc.perform(asAlex(post("/intake")).param("content", seed))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Review the import"),
					containsString("value=\"GlobalTech Industries: 48-hour production outage with exec attention\""),
					containsString("value=\"Schedule executive call with GlobalTech CEO\""),
					containsString("value=\"2025-11-11\""),
					// the undated items get the follow-up meeting's date, marked as proposed
					containsString("class=\"proposed\""),
					containsString("<mark data-span="),
					containsString("48-hour production outage with exec attention -&gt; S0"))));
	}

	@Test
	void anUploadedFileIsReadToo() throws Exception {
		upload("renewal-review.md").andExpect(content().string(allOf(containsString("Review the import"),
				containsString("<input type=\"hidden\" name=\"fileName\" value=\"renewal-review.md\">"))));
	}

	@Test
	void anUploadedFileKeepsOnlyItsOwnName() throws Exception {
		upload("C:\\Users\\alex\\renewal\r\nreview.md")
			.andExpect(content().string(containsString("<input type=\"hidden\" name=\"fileName\" value=\"renewalreview.md\">")));
	}

	private ResultActions upload(String fileName) throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", fileName, "text/markdown",
				IntakeTestSupport.resource("renewal-review-table.md"));
		return mvc.perform(multipart("/intake").file(file).with(user("alex").roles("CSM")).with(csrf()))
			.andExpect(status().isOk());
	}

	@Test
	void emptyTextStaysOnTheStartPageWithTheReason() throws Exception {
		mvc.perform(asAlex(post("/intake")).param("content", "   "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The text is blank")));
	}

	@Test
	void confirmingLogsTheRiskAndTheRiskPageLinksTheDocument() throws Exception {
		String name = "Northwind " + UUID.randomUUID().toString().substring(0, 6);
		String document = "Date: 2026-03-02\nCustomer: " + name + "\nAction items:\n- Priya: send the RCA by Friday\n";
		MvcResult result = mvc.perform(confirm(document, name).param("actionItems[0].due", "2026-03-06"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", containsString("Imported")))
			.andReturn();
		String key = result.getResponse().getRedirectedUrl().replace("/risks/", "");
		IntakeImport done = imports.ofRisk(key).orElseThrow();

		mvc.perform(get("/risks/" + key + "/import").with(user("jordan").roles("EXEC")))
			.andExpect(content().string(containsString("href=\"/intake/imports/" + done.id() + "\"")));
		mvc.perform(get("/intake/imports/" + done.id()).with(user("jordan").roles("EXEC")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Priya: send the RCA by Friday")));
		mvc.perform(get("/intake/imports/" + done.id() + "/document").with(user("jordan").roles("EXEC")))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(content().string(document));

		// The same document again: the risk it became, nothing new.
		mvc.perform(confirm(document, name).param("actionItems[0].due", "2026-03-06"))
			.andExpect(header().string("Location", "/risks/" + key))
			.andExpect(flash().attribute("message", containsString("imported before")));
	}

	@Test
	void aMissingDueDateComesBackOnItsRowWithTheOtherValuesKept() throws Exception {
		String name = "Fabrikam " + UUID.randomUUID().toString().substring(0, 6);
		String document = "Date: 2026-03-02\nCustomer: " + name + "\nAction items:\n- Priya: send the RCA by Friday\n";
		mvc.perform(confirm(document, name).param("actionItems[0].due", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Nothing was imported"),
					containsString("id=\"actionItems[0]-due-error\""), containsString("value=\"send the RCA\""),
					not(containsString("Review the import</h1>\n  <p class=\"muted\">Paste")))));
		assertThat(imports.recent(200)).noneMatch(i -> i.fileName() != null && i.fileName().contains(name));
	}

	@Test
	void aControlCharacterInAReviewedFieldComesBackNextToItAndNothingIsImported() throws Exception {
		String name = "Nul " + UUID.randomUUID().toString().substring(0, 6);
		String document = "Date: 2026-03-02\nCustomer: " + name + "\nAction items:\n- Priya: send the RCA by Friday\n";
		mvc.perform(confirm(document, name).param("actionItems[0].due", "2026-03-06").param("risk.title", "Sync\u0000failing"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"risk-title-error\""),
					containsString("must not contain control characters"))));
		assertThat(imports.recent(200)).noneMatch(i -> i.fileName() != null && i.fileName().contains(name));
	}

	@Test
	void aFormPostsTheDocumentBackWithCrlfAndItIsStillTheSameDocument() throws Exception {
		String name = "Crlf " + UUID.randomUUID().toString().substring(0, 6);
		String document = "Date: 2026-03-02\nCustomer: " + name + "\nAction items:\n- Priya: send the RCA by Friday\n";
		mvc.perform(confirm(document.replace("\n", "\r\n"), name).param("actionItems[0].due", "2026-03-06"))
			.andExpect(status().is3xxRedirection());

		Review review = imports.review(document.getBytes(StandardCharsets.UTF_8), null);
		assertThat(review.earlierImport()).isNotNull();
		assertThat(imports.document(review.earlierImport().id()).text()).isEqualTo(document);
	}

	@Test
	void removedRowsLeaveGapsThatAreSkippedAndAForgedFormStartsOver() throws Exception {
		String name = "Gaps " + UUID.randomUUID().toString().substring(0, 6);
		String document = "Date: 2026-03-02\nCustomer: " + name + "\nAction items:\n- Priya: send the RCA by Friday\n";
		MvcResult result = mvc.perform(confirm(document, name).param("actionItems[0].due", "2026-03-06")
			.param("actionItems[2].title", "call the sponsor")
			.param("actionItems[2].owner", "Priya")
			.param("actionItems[2].due", "2026-03-09")).andExpect(status().is3xxRedirection()).andReturn();
		String key = result.getResponse().getRedirectedUrl().replace("/risks/", "");
		mvc.perform(get("/api/risks/" + key + "/milestones").with(user("alex").roles("CSM")))
			.andExpect(content().string(allOf(containsString("send the RCA"), containsString("call the sponsor"))));

		mvc.perform(confirm(document, name).param("actionItems[0].due", "2026-03-06").param("actionItems[300].title", "x"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The review form could not be read")));
		mvc.perform(asAlex(post("/intake/confirm")).param("content", document).param("account.name", name))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The review form was incomplete")));
	}

	@Test
	void theReviewOffersToAttachTheDocumentToAnUnresolvedRiskOfTheAccountAndDoesSo() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long accountId = fixtures.account("Review Attach", fixtures.person("Rita Review"));
		String name = accountName(accountId);
		String document = "Date: 2026-03-02\nCustomer: " + name + "\nAction items:\n- Rita: send the RCA by Friday\n";
		ImportRequest proposal = imports.review(document.getBytes(StandardCharsets.UTF_8), null).proposal();
		String earlier = JsonPath.read(mvc.perform(ApiFixtures.asAlex(post("/api/risks")).content("""
				{"accountId": %d, "title": "Nightly sync keeps failing", "category": "%s"}"""
			.formatted(accountId, proposal.risk().category()))).andReturn().getResponse().getContentAsString(), "$.key");

		mvc.perform(asAlex(post("/intake")).param("content", document))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("This account already has unresolved"),
					containsString("href=\"/risks/" + earlier + "\""), containsString("Nightly sync keeps failing"),
					containsString("name=\"attachTo\" value=\"" + earlier + "\""), containsString("Attach to " + earlier),
					// It has no severity yet: the document's is more.
					containsString("more severe than"), containsString("Change severity"))));

		mvc.perform(asAlex(post("/intake/confirm")).param("content", document)
			.param("account.id", String.valueOf(accountId))
			.param("risk.title", "Sync failed again")
			.param("risk.category", proposal.risk().category().name())
			.param("risk.severity", proposal.risk().severity().name())
			.param("risk.detectedAt", "2026-03-02T09:00")
			.param("actionItems[0].title", "send the RCA")
			.param("actionItems[0].owner", "Rita")
			.param("actionItems[0].due", "2026-03-06")
			.param("attachTo", earlier))
			.andExpect(header().string("Location", "/risks/" + earlier))
			.andExpect(flash().attribute("message", containsString("Attached to " + earlier)));
		mvc.perform(get("/api/risks/" + earlier + "/milestones").with(user("alex").roles("CSM")))
			.andExpect(content().string(containsString("send the RCA")));
		mvc.perform(get("/api/risks/" + earlier).with(user("alex").roles("CSM")))
			.andExpect(content().string(allOf(containsString("\"title\":\"Nightly sync keeps failing\""),
					containsString("\"severity\":null"))));
	}

	@Test
	void anAttachToTheReviewNoLongerOffersComesBackWithTheReason() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long accountId = fixtures.account("Review Gone", fixtures.person("Gus Gone"));
		String document = "Date: 2026-03-02\nCustomer: " + accountName(accountId) + "\nAction items:\n- Gus: call by Friday\n";
		mvc.perform(asAlex(post("/intake/confirm")).param("content", document)
			.param("account.id", String.valueOf(accountId))
			.param("risk.title", "Sync failed again")
			.param("risk.category", "SUPPORT")
			.param("risk.severity", "S2")
			.param("risk.detectedAt", "2026-03-02T09:00")
			.param("attachTo", "RISK-1999-0001"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Nothing was imported"), containsString("id=\"attachTo-error\""),
					containsString("no risk RISK-1999-0001"), containsString("value=\"Sync failed again\""))));
		assertThat(imports.recent(200)).noneMatch(i -> i.accountId() == accountId);
	}

	private String accountName(long accountId) throws Exception {
		return JsonPath.read(mvc.perform(get("/api/accounts/" + accountId).with(user("alex").roles("CSM"))).andReturn()
			.getResponse().getContentAsString(), "$.name");
	}

	@Test
	void anImportedRiskWithAnotherDocumentAttachedStillLinksTheOneItCameFrom() throws Exception {
		String name = "Twice Imported " + UUID.randomUUID().toString().substring(0, 6);
		String first = "Date: 2026-03-02\nCustomer: " + name + "\nAction items:\n- Priya: send the RCA by Friday\n";
		String key = mvc.perform(confirm(first, name).param("actionItems[0].due", "2026-03-06")).andReturn().getResponse()
			.getRedirectedUrl().replace("/risks/", "");
		IntakeImport origin = imports.ofRisk(key).orElseThrow();

		String second = "Date: 2026-03-09\nCustomer: " + name + "\nAction items:\n- Priya: share the fix plan by Friday\n";
		mvc.perform(confirm(second, name).param("actionItems[0].due", "2026-03-13").param("attachTo", key))
			.andExpect(header().string("Location", "/risks/" + key));

		assertThat(imports.recent(200)).filteredOn(i -> i.riskKey().equals(key)).hasSize(2);
		assertThat(imports.ofRisk(key)).contains(origin);
		mvc.perform(get("/risks/" + key + "/import").with(user("jordan").roles("EXEC")))
			.andExpect(content().string(containsString("href=\"/intake/imports/" + origin.id() + "\"")));
	}

	@Test
	void aRiskThatWasNotImportedHasNoDocumentLink() throws Exception {
		mvc.perform(get("/risks/RISK-2026-0001/import").with(user("jordan").roles("EXEC")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"import-source\""), not(containsString("href")))));
	}

	private MockHttpServletRequestBuilder confirm(String document, String accountName) {
		return asAlex(post("/intake/confirm")).param("content", document)
			.param("fileName", accountName + ".txt")
			.param("account.id", "")
			.param("account.name", accountName)
			.param("account.segment", "MID_MARKET")
			.param("account.country", "US")
			.param("account.timeZone", "America/Chicago")
			.param("account.arr.amount", "")
			.param("account.arr.currency", "")
			.param("risk.title", "Nightly sync failing")
			.param("risk.category", "SUPPORT")
			.param("risk.severity", "S2")
			.param("risk.ownerId", "")
			.param("risk.detectedAt", "2026-03-02T09:00")
			.param("risk.description", "From the notes")
			.param("actionItems[0].title", "send the RCA")
			.param("actionItems[0].owner", "Priya")
			.param("actionItems[0].status", "TODO");
	}

	private static MockHttpServletRequestBuilder asAlex(MockHttpServletRequestBuilder request) {
		return request.with(user("alex").roles("CSM")).with(csrf());
	}

}
