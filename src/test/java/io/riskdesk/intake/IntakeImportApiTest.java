package io.riskdesk.intake;

import io.riskdesk.SeedDocuments;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Confirming reviewed drafts: what lands in the register, what a re-import finds, what bad input leaves behind. */
@RiskdeskTest
class IntakeImportApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@ParameterizedTest
	@ValueSource(strings = { "escalation-email-techcorp-enterprises.md", "meeting-abc-corp.md", "meeting-globaltech.md",
			"meeting-techcorp-solutions.md" })
	void aConfirmedSeedDocumentBecomesARiskWithItsActionItemsAsMilestones(String seed) throws Exception {
		byte[] content = SeedDocuments.read(seed);
		JsonNode review = notes(content, seed);
		JsonNode draft = review.get("draft");
		ObjectNode proposal = (ObjectNode) review.get("proposal");
		// The reviewer files it under a new account of their own (the demo already has the seed accounts).
		String accountName = draft.get("accountName").get("value").asString() + " " + unique();
		newAccount(proposal, accountName);

		MvcResult created = confirm(proposal).andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/intake/imports/")))
			.andReturn();
		JsonNode done = json.readTree(created.getResponse().getContentAsString());
		String key = done.get("riskKey").asString();

		JsonNode risk = read(get("/api/risks/" + key));
		assertThat(risk.get("source").asString()).isEqualTo("IMPORT");
		assertThat(risk.get("account").get("name").asString()).isEqualTo(accountName);
		assertThat(risk.get("severity").asString()).isEqualTo(draft.get("suggestion").get("severity").asString());
		assertThat(risk.get("category").asString()).isEqualTo(draft.get("suggestion").get("category").asString());
		assertThat(texts(risk.get("decisions"), "text")).isEqualTo(texts(draft.get("decisions"), "value"));
		// What the reviewed import did of triage is done: severity and owner triage it, the action items are its plan.
		boolean triaged = !proposal.get("risk").get("ownerId").isNull() && !proposal.get("risk").get("severity").isNull();
		assertThat(risk.get("status").asString()).isEqualTo(triaged ? "TRIAGED" : "OPEN");
		List<String> steps = new ArrayList<>();
		risk.get("triageSteps").forEach(step -> steps.add(step.get("step").asString()));
		assertThat(steps).contains("LOG_RISK").containsOnlyOnce("CREATE_CAP").doesNotContain("NOTIFY_STAKEHOLDERS", "SET_CADENCE");

		// Every action item is a milestone: the document's owner and date where it states them, the proposal's otherwise.
		// (An S0 import's triage adds the live call's action item too, by the notifications: not the document's.)
		List<JsonNode> milestones = new ArrayList<>();
		read(get("/api/risks/" + key + "/milestones")).forEach(m -> {
			if (!m.get("createdBy").asString().equals("notifications")) {
				milestones.add(m);
			}
		});
		JsonNode items = proposal.get("actionItems");
		assertThat(milestones).hasSize(draft.get("actionItems").size()).hasSize(items.size());
		List<String> expected = new ArrayList<>();
		items.forEach(i -> expected.add(i.get("title").asString() + " | " + i.get("owner").asString() + " | " + i.get("due").asString()));
		List<String> actual = new ArrayList<>();
		milestones.forEach(m -> actual.add(m.get("title").asString() + " | " + m.get("owner").asString() + " | " + m.get("due").asString()));
		assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = draft.get("actionItems").get(i);
			assertThat(items.get(i).get("title").asString()).isEqualTo(item.get("task").asString());
			if (!item.get("due").isNull()) {
				assertThat(items.get(i).get("due").asString()).isEqualTo(item.get("due").asString());
			}
			if (!item.get("owner").isNull()) {
				assertThat(items.get(i).get("owner").asString()).isEqualTo(item.get("owner").asString());
			}
		}

		JsonNode timeline = read(get("/api/risks/" + key + "/timeline"));
		assertThat(kinds(timeline, "MEETING")).isEqualTo(draft.get("followUpMeetings").size());
		assertThat(kinds(timeline, "IMPORTED")).isEqualTo(1);
		// The seed documents are a year old: every clock and milestone started already breached, and the import says so.
		assertThat(timeline.findValuesAsString("summary")).anyMatch(summary -> summary.startsWith("Imported from " + seed)
				&& summary.endsWith("; account created: " + accountName
						+ "; started already breached: Triage, First response, Notification, " + items.size() + " milestones"));
		assertThat(kinds(timeline, "DECISION")).isEqualTo(draft.get("decisions").size());

		String attached = mvc.perform(asAlex(get("/api/intake/imports/" + done.get("id").asLong() + "/document")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(attached).isEqualTo(IntakeDocument.of(content, Integer.MAX_VALUE).text());

		// Again: the earlier import is found, on reading and on confirming, and no second risk appears.
		assertThat(notes(content, seed).get("earlierImport").get("riskKey").asString()).isEqualTo(key);
		confirm(proposal).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(done.get("id").asLong()));
		assertThat(risksOf(accountName)).isEqualTo(1);
	}

	@Test
	void theGlobalTechProposalNamesTheOwnerAndDatesEveryActionItem() throws Exception {
		JsonNode proposal = notes(SeedDocuments.read("meeting-globaltech.md"), null).get("proposal");
		// The demo has GlobalTech Industries and Sarah Martinez: the proposal picks both.
		assertThat(proposal.get("account").get("id").isNull()).isFalse();
		assertThat(proposal.get("risk").get("title").asString())
			.isEqualTo("GlobalTech Industries: 48-hour production outage with exec attention");
		assertThat(proposal.get("risk").get("detectedAt").asString()).isEqualTo("2025-11-10T09:00:00");
		JsonNode items = proposal.get("actionItems");
		assertThat(items.get(0).get("title").asString()).isEqualTo("Schedule executive call with GlobalTech CEO");
		assertThat(items.get(0).get("owner").asString()).isEqualTo("Sarah Martinez");
		assertThat(items.get(0).get("due").asString()).isEqualTo("2025-11-11");
		// Undated in the notes: proposed for the follow-up meeting of December 1.
		assertThat(items.get(1).get("due").asString()).isEqualTo("2025-12-01");
		assertThat(proposal.get("risk").get("description").asString()).contains("Root cause:",
				"- Database corruption during routine maintenance", "Concessions and credits:");
	}

	@Test
	void anExistingAccountNamedByTheDocumentGetsItsNewArr() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long accountId = fixtures.account("Northwind", fixtures.person("Priya Raman"));
		String name = read(get("/api/accounts/" + accountId)).get("name").asString();
		JsonNode proposal = notes(("Date: 2026-03-02\nCustomer: " + name + "\nARR: $510K\nRenewal date: 2027-06-30\n"
				+ "Action items:\n- Priya: send the RCA by Friday\n").getBytes(StandardCharsets.UTF_8), "northwind.txt").get("proposal");
		assertThat(proposal.get("account").get("id").asLong()).isEqualTo(accountId);

		String key = json.readTree(confirm(proposal).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
			.get("riskKey").asString();

		JsonNode account = read(get("/api/accounts/" + accountId));
		assertThat(account.get("arr").get("amount").decimalValue()).isEqualByComparingTo("510000");
		assertThat(account.get("renewalDate").asString()).isEqualTo("2027-06-30");
		// The timeline says what the import replaced.
		assertThat(read(get("/api/risks/" + key + "/timeline")).findValuesAsString("summary"))
			.anyMatch(summary -> summary.startsWith("Imported from northwind.txt")
					&& summary.endsWith("account ARR USD 480000.00 -> USD 510000, renewal 2027-01-31 -> 2027-06-30"
							+ "; started already breached: Triage, First response, Notification, 1 milestone"));
	}

	@Test
	void anOwnerMatchedToTheDirectoryOwnsTheMilestoneAsThatPerson() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long csm = fixtures.person("Ines Okonkwo");
		long accountId = fixtures.account("Litware", csm);
		String name = read(get("/api/accounts/" + accountId)).get("name").asString();
		JsonNode proposal = notes(("Date: 2026-03-02\nCustomer: " + name + "\nAction items:\n- Ines: send the RCA by Friday\n"
				+ "- Dana: confirm the budget by Friday\n- Morgan: book the war room by Friday\n").getBytes(StandardCharsets.UTF_8),
				null).get("proposal");

		String key = json.readTree(confirm(proposal).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
			.get("riskKey").asString();

		// Ines is the account's CSM in the directory; Dana Fox is the customer's contact and Morgan nobody: as written.
		List<String> owners = new ArrayList<>();
		read(get("/api/risks/" + key + "/milestones")).forEach(m -> owners.add(m.get("title").asString() + " | "
				+ m.get("owner").asString() + " | " + (m.get("ownerId").isNull() ? null : m.get("ownerId").asLong())));
		assertThat(owners).containsExactly("send the RCA | Ines Okonkwo | " + csm, "confirm the budget | Dana | null",
				"book the war room | Morgan | null");
	}

	@Test
	void anUnchangedArrLeavesTheAccountAlone() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long accountId = fixtures.account("Adatum", fixtures.person("Lena Park"));
		JsonNode before = read(get("/api/accounts/" + accountId));
		JsonNode proposal = notes(("Date: 2026-03-02\nCustomer: " + before.get("name").asString() + "\nARR: $480K\n"
				+ "Action items:\n- Lena: call the sponsor by Friday\n").getBytes(StandardCharsets.UTF_8), null).get("proposal");

		confirm(proposal).andExpect(status().isCreated());

		assertThat(read(get("/api/accounts/" + accountId)).get("version").asInt()).isEqualTo(before.get("version").asInt());
	}

	@Test
	void badReferencesAndMissingPartsAreRefusedNamingTheField() throws Exception {
		String name = "Proseware " + unique();
		ObjectNode proposal = newAccountProposal(name);

		ObjectNode unknownAccount = proposal.deepCopy();
		((ObjectNode) unknownAccount.get("account")).put("id", 987654321);
		assertRefused(unknownAccount, "account.id");

		ObjectNode unknownOwner = proposal.deepCopy();
		((ObjectNode) unknownOwner.get("risk")).put("ownerId", 987654321);
		assertRefused(unknownOwner, "risk.ownerId");

		ObjectNode ancient = proposal.deepCopy();
		((ObjectNode) ancient.get("risk")).put("detectedAt", "2015-01-05T09:00:00");
		assertRefused(ancient, "risk.detectedAt");

		ObjectNode noRisk = proposal.deepCopy();
		noRisk.putNull("risk");
		assertRefused(noRisk, "risk");

		assertThat(risksOf(name)).isZero();
	}

	@Test
	void nullRowsAreSkippedAndADoneMilestoneIsRecordedDone() throws Exception {
		String name = "Woodgrove " + unique();
		ObjectNode proposal = newAccountProposal(name);
		tools.jackson.databind.node.ArrayNode items = (tools.jackson.databind.node.ArrayNode) proposal.get("actionItems");
		((ObjectNode) items.get(0)).put("status", "DONE");
		items.insertNull(0);

		String key = json.readTree(confirm(proposal).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
			.get("riskKey").asString();

		JsonNode milestones = read(get("/api/risks/" + key + "/milestones"));
		assertThat(milestones.findValuesAsString("status")).containsExactlyInAnyOrder("DONE", "TODO");
	}

	@Test
	void theDocumentDownloadIsPlainTextUnderItsName() throws Exception {
		String name = "Fourth Coffee " + unique();
		ObjectNode proposal = (ObjectNode) notes(document(name), "Notizen für Café.md").get("proposal");
		newAccount(proposal, name);
		long id = json.readTree(confirm(proposal).andReturn().getResponse().getContentAsString()).get("id").asLong();

		mvc.perform(asAlex(get("/api/intake/imports/" + id + "/document")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/plain;charset=UTF-8"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=UTF-8''Notizen%20f%C3%BCr%20Caf%C3%A9.md")));
	}

	@Test
	void aFileNameKeepsNeitherFoldersNorLineBreaks() throws Exception {
		assertThat(notes(document("Fifth Coffee " + unique()), "C:\\temp\\x.md").at("/proposal/fileName").asString())
			.isEqualTo("x.md");
		assertThat(notes(document("Fifth Coffee " + unique()), "../../").at("/proposal/fileName").isNull()).isTrue();

		String name = "Fifth Coffee " + unique();
		ObjectNode proposal = (ObjectNode) notes(document(name), "notes.md").get("proposal");
		newAccount(proposal, name);
		proposal.put("fileName", "../../etc/pass\r\nwd");
		JsonNode confirmed = json.readTree(confirm(proposal).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString());
		assertThat(confirmed.get("fileName").asString()).isEqualTo("passwd");
		mvc.perform(asAlex(get("/api/intake/imports/" + confirmed.get("id").asLong() + "/document")))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("filename=\"passwd\"")));
	}

	@Test
	void theSameDocumentConfirmedTwiceAtOnceOnAnExistingAccountWhoseArrChangesMakesOneRisk() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long accountId = fixtures.account("Margie", fixtures.person("Ola Berg"));
		String accountName = read(get("/api/accounts/" + accountId)).get("name").asString();
		JsonNode proposal = notes(("Date: 2026-03-02\nCustomer: " + accountName + "\nARR: $650K\nAction items:\n"
				+ "- Ola: send the RCA by Friday\n").getBytes(StandardCharsets.UTF_8), null).get("proposal");
		assertThat(confirmTwiceAtOnce(proposal)).containsExactlyInAnyOrder(201, 200);
		assertThat(risksOf(accountName)).isEqualTo(1);
	}

	@Test
	void aNewAccountWithoutSegmentIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
		String name = "Fabrikam " + unique();
		ObjectNode proposal = (ObjectNode) notes(document(name), null).get("proposal");
		assertThat(proposal.get("account").get("segment").isNull()).isTrue();

		assertRefused(proposal, "account.segment");

		assertThat(accountExists(name)).isFalse();
	}

	@Test
	void aFailureAfterTheAccountWasCreatedLeavesNoAccountBehind() throws Exception {
		String name = "Contoso " + unique();
		ObjectNode proposal = newAccountProposal(name);
		// In the future, so the risk is refused once the account is written; near enough to pass validation.
		((ObjectNode) proposal.get("risk")).put("detectedAt", LocalDateTime.now(clock).plusMonths(6).withNano(0).toString());

		assertRefused(proposal, "risk.detectedAt");

		assertThat(risksOf(name)).isZero();
		assertThat(accountExists(name)).isFalse();
	}

	@Test
	void controlCharactersAndFarDatesAreRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
		String name = "Northwind " + unique();
		ObjectNode proposal = newAccountProposal(name);
		((ObjectNode) proposal.get("risk")).put("title", "Sync\u0000failing");
		assertRefused(proposal, "risk.title");

		proposal = newAccountProposal(name);
		proposal.putArray("decisions").add("Escalate\u0007");
		assertRefused(proposal, "decisions[0]");

		proposal = newAccountProposal(name);
		((ObjectNode) proposal.get("actionItems").get(0)).put("due", "+99999-12-31");
		assertRefused(proposal, "actionItems[0].due");

		assertThat(accountExists(name)).isFalse();
		assertThat(risksOf(name)).isZero();
	}

	@Test
	void anActionItemWithoutDueDateIsRefusedNamingItsRow() throws Exception {
		String name = "Litware " + unique();
		ObjectNode proposal = newAccountProposal(name);
		((ObjectNode) proposal.get("actionItems").get(1)).putNull("due");

		assertRefused(proposal, "actionItems[1].due");
	}

	@Test
	void theSameDocumentConfirmedTwiceAtOnceMakesOneRisk() throws Exception {
		String name = "Tailspin " + unique();
		ObjectNode proposal = newAccountProposal(name);
		assertThat(confirmTwiceAtOnce(proposal)).containsExactlyInAnyOrder(201, 200);
		assertThat(risksOf(name)).isEqualTo(1);
	}

	@Test
	void theReviewListsTheUnresolvedRisksOfTheAccountAndProposedCategory() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long accountId = fixtures.account("Reported Again", fixtures.person("Rae Again"));
		String name = read(get("/api/accounts/" + accountId)).get("name").asString();
		String category = notes(document(name), null).at("/proposal/risk/category").asString();
		String earlier = logRisk(accountId, category, "Nightly sync keeps failing");
		logRisk(accountId, category.equals("PEOPLE") ? "SUPPORT" : "PEOPLE", "Another kind of trouble");

		JsonNode review = notes(document(name), null);

		assertThat(review.get("possibleDuplicates")).hasSize(1);
		JsonNode duplicate = review.get("possibleDuplicates").get(0);
		assertThat(duplicate.get("key").asString()).isEqualTo(earlier);
		assertThat(duplicate.get("title").asString()).isEqualTo("Nightly sync keeps failing");
		assertThat(duplicate.get("status").asString()).isEqualTo("OPEN");
		assertThat(review.get("proposal").has("possibleDuplicates")).isFalse();
		// A new account has none.
		assertThat(notes(document("Brand New " + unique()), null).get("possibleDuplicates")).isEmpty();
	}

	@Test
	void confirmingWithAttachToPutsTheDocumentOnThatRiskAndLogsNone() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long accountId = fixtures.account("Attach Here", fixtures.person("Ari Attach"));
		String name = read(get("/api/accounts/" + accountId)).get("name").asString();
		String earlier = fixtures.risk(accountId, "Nightly sync keeps failing");
		ObjectNode proposal = (ObjectNode) notes(document(name), "sync-again.md").get("proposal");
		proposal.putArray("decisions").add("Escalate to engineering");
		((ObjectNode) proposal.get("risk")).putArray("evidence").add("Sync failed 3 times this week").add("3 Sev-1 tickets in 30 days");
		proposal.put("attachTo", earlier);

		JsonNode done = json.readTree(confirm(proposal).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString());

		assertThat(done.get("riskKey").asString()).isEqualTo(earlier);
		assertThat(risksOf(name)).isEqualTo(1);
		JsonNode risk = read(get("/api/risks/" + earlier));
		// Title, severity, owner and status as they were, though the proposal has its own.
		assertThat(risk.get("title").asString()).isEqualTo("Nightly sync keeps failing");
		assertThat(risk.get("severity").isNull()).isTrue();
		assertThat(risk.get("owner").isNull()).isTrue();
		assertThat(risk.get("status").asString()).isEqualTo("OPEN");
		List<String> evidence = new ArrayList<>();
		risk.get("evidence").forEach(e -> evidence.add(e.asString()));
		assertThat(evidence).containsExactly("3 Sev-1 tickets in 30 days", "Sync failed 3 times this week");
		assertThat(read(get("/api/risks/" + earlier + "/milestones"))).hasSize(2);
		assertThat(texts(risk.get("decisions"), "text")).containsExactly("Escalate to engineering");
		List<String> steps = new ArrayList<>();
		risk.get("triageSteps").forEach(step -> steps.add(step.get("step").asString()));
		assertThat(steps).containsExactlyInAnyOrder("LOG_RISK", "CREATE_CAP");

		List<String> summaries = read(get("/api/risks/" + earlier + "/timeline")).findValuesAsString("summary");
		assertThat(summaries).anyMatch(summary -> summary.startsWith("Reported again: "
				+ proposal.get("risk").get("title").asString() + "\n"))
			.anyMatch(summary -> summary.startsWith("Attached sync-again.md (import " + done.get("id").asLong() + ")"));
	}

	@Test
	void anImportAttachedToARiskWithAPlanAddsItsMilestonesButNotCreateCapAgain() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long accountId = fixtures.account("Attach Plan", fixtures.person("Pat Plan"));
		String name = read(get("/api/accounts/" + accountId)).get("name").asString();
		String earlier = fixtures.risk(accountId, "Nightly sync keeps failing");
		mvc.perform(asAlex(post("/api/risks/{key}/milestones", earlier))
			.content("{\"title\": \"Sync fixed\", \"owner\": \"Priya\", \"due\": \"2027-01-15\"}"))
			.andExpect(status().isCreated());
		ObjectNode proposal = (ObjectNode) notes(document(name), "sync-plan.md").get("proposal");
		proposal.put("attachTo", earlier);

		confirm(proposal).andExpect(status().isCreated());

		assertThat(read(get("/api/risks/" + earlier + "/milestones"))).hasSize(3);
		JsonNode risk = read(get("/api/risks/" + earlier));
		List<String> plans = new ArrayList<>();
		risk.get("triageSteps").forEach(step -> {
			if (step.get("step").asString().equals("CREATE_CAP")) {
				plans.add(step.get("note").asString());
			}
		});
		assertThat(plans).containsExactly("First milestone: Sync fixed (due 2027-01-15)");
	}

	@Test
	void attachToMustNameAnUnclosedRiskOfTheImportsAccountAndARefusalWritesNothing() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long accountId = fixtures.account("Attach Refused", fixtures.person("Ray Refused"));
		String name = read(get("/api/accounts/" + accountId)).get("name").asString();
		String own = fixtures.risk(accountId, "Sync failing");
		String closed = fixtures.risk(accountId, "Sync failing too");
		mvc.perform(asAlex(post("/api/risks/" + closed + "/transitions")).content("""
				{"to": "CLOSED", "duplicateOf": "%s"}""".formatted(own))).andExpect(status().isOk());
		String elsewhere = fixtures.risk(fixtures.account("Someone Else", fixtures.person("Sol Else")), "Sync failing");
		ObjectNode proposal = (ObjectNode) notes(document(name), null).get("proposal");
		((ObjectNode) proposal.get("account")).set("arr", json.readTree("{\"amount\": 999000, \"currency\": \"USD\"}"));

		for (String key : List.of("RISK-1999-0001", closed, elsewhere)) {
			proposal.put("attachTo", key);
			confirm(proposal).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("attachTo"))
				.andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.containsString(key)));
		}
		// Nor into a new account: it has no risks, and it is not created.
		ObjectNode newAccount = proposal.deepCopy();
		String newName = "Attach Nowhere " + unique();
		newAccount(newAccount, newName);
		newAccount.put("attachTo", own);
		confirm(newAccount).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("attachTo"));
		assertThat(accountExists(newName)).isFalse();

		assertThat(read(get("/api/accounts/" + accountId)).get("arr").get("amount").decimalValue()).isEqualByComparingTo("480000");
		assertThat(read(get("/api/risks/" + own + "/milestones"))).isEmpty();
		assertThat(read(get("/api/risks/" + own + "/timeline")).findValuesAsString("kind")).doesNotContain("REPORT_ATTACHED");
		// The document was not stored: attaching it properly is its first import.
		proposal.put("attachTo", own);
		confirm(proposal).andExpect(status().isCreated());
	}

	@Test
	void readersMayReadImportsButNotConfirm() throws Exception {
		ObjectNode proposal = (ObjectNode) notes(document("Wingtip " + unique()), null).get("proposal");
		mvc.perform(ApiFixtures.as("jordan", post("/api/intake/imports")).content(json.writeValueAsString(proposal)))
			.andExpect(status().isForbidden());
		mvc.perform(ApiFixtures.as("jordan", get("/api/intake/imports"))).andExpect(status().isOk());
		mvc.perform(asAlex(get("/api/intake/imports/999999"))).andExpect(status().isNotFound());
	}

	private String logRisk(long accountId, String category, String title) throws Exception {
		return json.readTree(mvc.perform(asAlex(post("/api/risks")).content("""
				{"accountId": %d, "title": "%s", "category": "%s"}""".formatted(accountId, title, category)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("key").asString();
	}

	private static byte[] document(String account) {
		return ("""
				Date: 2026-03-02
				Customer: %s
				Issue: the nightly sync has failed three times this week; the customer threatens the renewal.
				Action items:
				- Priya: send the RCA by Friday
				- Omar: share the fix plan by March 10
				""".formatted(account)).getBytes(StandardCharsets.UTF_8);
	}

	/** The proposal for the test document, filed under a new account of this name. */
	private ObjectNode newAccountProposal(String name) throws Exception {
		ObjectNode proposal = (ObjectNode) notes(document(name), null).get("proposal");
		newAccount(proposal, name);
		return proposal;
	}

	private void assertRefused(JsonNode proposal, String field) throws Exception {
		confirm(proposal).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

	private boolean accountExists(String name) {
		return jdbc.sql("select count(*) from account where name = :name").param("name", name).query(Integer.class).single() > 0;
	}

	private void newAccount(ObjectNode proposal, String name) {
		ObjectNode account = (ObjectNode) proposal.get("account");
		account.putNull("id");
		account.put("name", name);
		account.put("segment", "ENTERPRISE");
	}

	private JsonNode notes(byte[] content, String fileName) throws Exception {
		var request = post("/api/intake/notes").contentType(MediaType.parseMediaType("text/markdown")).content(content);
		if (fileName != null) {
			request.param("fileName", fileName);
		}
		return json.readTree(mvc.perform(request.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.httpBasic("alex", "demo"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	/** The statuses of two confirmations of the same proposal sent at the same moment. */
	private List<Integer> confirmTwiceAtOnce(JsonNode proposal) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> confirmOnce = () -> confirm(proposal).andReturn().getResponse().getStatus();
			List<Future<Integer>> answers = pool.invokeAll(List.of(confirmOnce, confirmOnce));
			return List.of(answers.get(0).get(), answers.get(1).get());
		}
		finally {
			pool.shutdown();
		}
	}

	private ResultActions confirm(JsonNode proposal) throws Exception {
		return mvc.perform(asAlex(post("/api/intake/imports")).content(json.writeValueAsString(proposal)));
	}

	private JsonNode read(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
		return json.readTree(mvc.perform(asAlex(request)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private int risksOf(String accountName) {
		return jdbc.sql("select count(*) from risk r join account a on a.id = r.account_id where a.name = :name")
			.param("name", accountName)
			.query(Integer.class)
			.single();
	}

	private static List<String> texts(JsonNode array, String field) {
		List<String> texts = new ArrayList<>();
		array.forEach(node -> texts.add(node.get(field).asString()));
		return texts;
	}

	private static long kinds(JsonNode timeline, String kind) {
		List<String> found = new ArrayList<>();
		timeline.forEach(entry -> found.add(entry.get("kind").asString()));
		return found.stream().filter(kind::equals).count();
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

}
