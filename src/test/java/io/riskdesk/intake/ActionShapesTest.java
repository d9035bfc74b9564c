package io.riskdesk.intake;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static io.riskdesk.intake.IntakeTestSupport.EXTRACTOR;
import static io.riskdesk.intake.IntakeTestSupport.assertSpansPointIntoTheDocument;
import static io.riskdesk.intake.SeedDocumentsTest.actions;
import static org.assertj.core.api.Assertions.assertThat;

/** One minimal document per shape an action item is written in, and sentences that are no action item. */
class ActionShapesTest {

	private static final String DATED = "Date: 2026-03-02\n\n";

	private static ExtractionDraft read(String text) {
		byte[] content = text.getBytes(StandardCharsets.UTF_8);
		ExtractionDraft draft = EXTRACTOR.extract(content);
		assertSpansPointIntoTheDocument(draft, content);
		return draft;
	}

	@Test
	void aNameWithItsRoleToATaskByADate() {
		assertThat(actions(read(DATED + "Dana Cole (SRE) to ship the EU cache fix by March 6.\n")))
			.containsExactly("Dana Cole | ship the EU cache fix | 2026-03-06 | INTERNAL");
	}

	@Test
	void aNameThatWillDoSomethingInAParagraph() {
		assertThat(actions(read(DATED + "We discussed the backlog. Ravi Kumar will publish the incident report by Friday.\n")))
			.containsExactly("Ravi Kumar | publish the incident report | 2026-03-06 | INTERNAL");
	}

	@Test
	void bulletsUnderAnyLeadIn() {
		String text = DATED + "Next, we need to:\n- refresh the renewal forecast\n- Tom Berg will confirm the budget owner by March 9\n";
		assertThat(actions(read(text))).containsExactly("null | refresh the renewal forecast | null | INTERNAL",
				"Tom Berg | confirm the budget owner | 2026-03-09 | INTERNAL");
	}

	@Test
	void numberedItemsUnderAHeadingOtherThanActionItems() {
		String text = DATED + "## Asks\n1. Send the revised SOW - Priya Shah, by March 10\n2. Dana: book the war room (due March 4)\n";
		assertThat(actions(read(text))).containsExactly("Priya Shah | Send the revised SOW | 2026-03-10 | INTERNAL",
				"Dana | book the war room | 2026-03-04 | INTERNAL");
	}

	@Test
	void aTaskFollowedByItsOwnerInAnyList() {
		assertThat(actions(read(DATED + "Notes\n\n- Escalate the Sev-1 backlog to engineering - Morgan Lee\n")))
			.containsExactly("Morgan Lee | Escalate the Sev-1 backlog to engineering | null | INTERNAL");
	}

	@Test
	void firstPersonCommitmentsBelongToTheSender() {
		String text = """
				From: Priya Shah <priya@riskdesk.example>
				Date: Mon, 2 Mar 2026 09:12:00 +0000
				Subject: Helix

				Thanks all, the call went badly. I'll send the recovery plan by Wednesday and we will
				review the SLA credits in two days.

				Priya
				""";
		ExtractionDraft draft = read(text);
		assertThat(actions(draft)).containsExactly("Priya Shah | send the recovery plan | 2026-03-04 | INTERNAL");
		assertThat(draft.author().name()).isEqualTo("Priya Shah");
		assertThat(draft.author().email()).isEqualTo("priya@riskdesk.example");
	}

	@Test
	void aSignedSentenceOfItsOwnIsTheSignersCommitment() {
		String text = """
				From: Priya Shah <priya@riskdesk.example>
				Date: Mon, 2 Mar 2026 09:12:00 +0000

				We will review the SLA credits tomorrow.

				Priya Shah
				""";
		assertThat(actions(read(text))).containsExactly("Priya Shah | review the SLA credits | 2026-03-03 | INTERNAL");
	}

	@Test
	void chatMentionsAreOwnersAndOneMessageMayAssignSeveral() {
		String text = """
				[2026-03-02 10:40] maria.lopez: morning, the export is still broken
				[2026-03-02 10:42] jonas.berg: @maria can you send the failing job ids by Friday? @tom please call their admin tomorrow. I'll draft the customer update
				""";
		ExtractionDraft draft = read(text);
		assertThat(actions(draft)).containsExactly("Maria Lopez | send the failing job ids | 2026-03-06 | INTERNAL",
				"Tom | call their admin | 2026-03-03 | INTERNAL", "Jonas Berg | draft the customer update | null | INTERNAL");
		assertThat(draft.attendees()).extracting(ExtractionDraft.Attendee::name).containsExactly("Maria Lopez", "Jonas Berg");
		assertThat(draft.author().name()).isEqualTo("Maria Lopez");
	}

	@Test
	void tablesWithOtherColumnNames() {
		String text = DATED + """
				| Next step | Responsible | Deadline |
				|---|---|---|
				| Send pricing options | Priya Shah | 2026-03-12 |
				| Confirm budget owner | @tom | March 9 |
				""";
		assertThat(actions(read(text))).containsExactly("Priya Shah | Send pricing options | 2026-03-12 | INTERNAL",
				"tom | Confirm budget owner | 2026-03-09 | INTERNAL");
	}

	@Test
	void factsPastActionsQuestionsAndHeadingsAreNoActionItems() {
		String text = DATED + """
				## Ravi will present the findings

				We restarted the cluster at 02:00 and the queue drained by 03:10.
				Renewal will be at risk if latency stays above 4 seconds.
				The customer is unhappy with the response time.
				Can anyone explain why the alert did not fire?
				Priya sent the summary to the CTO yesterday.

				Impact:
				- Damage to internal stakeholder confidence
				- 1,200 users affected - EU region
				""";
		assertThat(read(text).actionItems()).isEmpty();
	}


	@Test
	void anOwnerThenADashOrAnArrowThenTheTask() {
		String text = DATED + "Next steps\n1. Oliver Grant - book a performance review by March 9\n"
				+ "2. Chloé Lefèvre - propose a web-client pilot - by 2026-03-20\n3. Owen Park -> review the detractor comments, due March 12\n";
		assertThat(actions(read(text))).containsExactly("Oliver Grant | book a performance review | 2026-03-09 | INTERNAL",
				"Chloé Lefèvre | propose a web-client pilot | 2026-03-20 | INTERNAL",
				"Owen Park | review the detractor comments | 2026-03-12 | INTERNAL");
	}

	@Test
	void aRoleWithItsPersonInBracketsThenTheTask() {
		String text = DATED + "Asks:\n1. Legal (Sara Lindgren) - assess breach notification obligations by March 9\n";
		assertThat(actions(read(text))).containsExactly("Sara Lindgren | assess breach notification obligations | 2026-03-09 | INTERNAL");
	}

	@Test
	void aPlanListedAsWhoDoesWhat() {
		String text = DATED + "## Plan\n1. Ama Boateng restores the tablet sync configuration within 48 hours.\n"
				+ "2. API issues resolved by March 6\n";
		// "API issues" is no one doing anything: an acronym does not name a person.
		assertThat(actions(read(text))).containsExactly(
				"Ama Boateng | restores the tablet sync configuration | 2026-03-04 | INTERNAL");
	}

	@Test
	void blocksOfOwnerTaskAndDueLines() {
		String text = DATED + "Owner: Tariq Aziz\nTask: meet the new executive sponsor\nDue: 2026-03-13\n\n"
				+ "Owner: Lucy Chambers\nTask: send the renewal proposal\n";
		assertThat(actions(read(text))).containsExactly("Tariq Aziz | meet the new executive sponsor | 2026-03-13 | INTERNAL",
				"Lucy Chambers | send the renewal proposal | null | INTERNAL");
	}

	@Test
	void aChecklistWithOwnerAndDueFields() {
		String text = DATED + "## Corrective actions\n- [ ] Add lock_timeout to all migrations - Owner: Viktor Petrov - Due: 2026-03-09\n"
				+ "- [x] Share the post-mortem - Owner: Liam O'Connor - Due: 2026-03-04\n";
		assertThat(actions(read(text))).containsExactly("Viktor Petrov | Add lock_timeout to all migrations | 2026-03-09 | INTERNAL",
				"Liam O'Connor | Share the post-mortem | 2026-03-04 | INTERNAL");
	}

	@Test
	void oneMessageMentioningSeveralOwnersInOneSentence() {
		String text = "[2026-03-02 14:06] mia.hoffmann: @rahul.mehta post hourly status, @chen.yu open the carrier ticket, "
				+ "@mia.hoffmann (me) calls their medical director today\n[2026-03-02 14:15] rahul.mehta: I'll have the RCA draft by Wednesday\n";
		assertThat(actions(read(text))).containsExactly("Rahul Mehta | post hourly status | null | INTERNAL",
				"Chen Yu | open the carrier ticket | null | INTERNAL",
				"Mia Hoffmann | calls their medical director today | 2026-03-02 | INTERNAL",
				"Rahul Mehta | have the RCA draft | 2026-03-04 | INTERNAL");
	}

	@Test
	void namesWithLettersBeyondAsciiOrWithoutCase() {
		String text = DATED + "Participants: Zoë Müller (CSM), Jürg Bänziger (Alpenbank, CIO)\n\nAgreed:\n"
				+ "- Søren Ødegaard to prepare a value summary by March 20\n- 田中 太郎: confirm the pilot lines by 2026-03-15\n"
				+ "- Zoë Müller: send Jürg a daily status e-mail\n";
		ExtractionDraft draft = read(text);
		assertThat(actions(draft)).containsExactly("Søren Ødegaard | prepare a value summary | 2026-03-20 | INTERNAL",
				"田中 太郎 | confirm the pilot lines | 2026-03-15 | INTERNAL",
				"Zoë Müller | send Jürg a daily status e-mail | null | INTERNAL");
		assertThat(draft.attendees()).extracting(ExtractionDraft.Attendee::name).containsExactly("Zoë Müller", "Jürg Bänziger");
	}


	@Test
	void aMentionWithPleaseIsAnAsk() {
		String text = "[2026-03-02 16:05] derek.olsen: incident bridge open. @hana.kobayashi customer comms every 30 min please\n";
		assertThat(actions(read(text))).containsExactly("Hana Kobayashi | customer comms every 30 min | null | INTERNAL");
	}

	@Test
	void aSentenceWrappedOverTwoLinesIsOwnedByThePersonItOpensWith() {
		String text = DATED + "Engineering has a fix candidate. Wei Zhang will deploy it to their\n"
				+ "staging tenant tomorrow, and I'll confirm the production date with you.\n";
		assertThat(actions(read(text))).containsExactly("Wei Zhang | deploy it to their staging tenant | 2026-03-03 | INTERNAL");
	}


	@Test
	void aFirstNameIsTheAddresseeItFits() {
		String text = """
				From: Zoë Müller <zoe.mueller@riskdesk.example>
				To: Escalations <escalations@riskdesk.example>
				Cc: Daniel Price <daniel.price@riskdesk.example>
				Date: Mon, 2 Mar 2026 08:15:00 +0100

				Daniel, please arrange an executive call by Wednesday.
				""";
		assertThat(actions(read(text))).containsExactly("Daniel Price | arrange an executive call | 2026-03-04 | INTERNAL");
	}

	@Test
	void nowEndingATaskIsTheMessagesDayButNowInAStatementDatesNothing() {
		String text = DATED + "The outage is now blocking their filing.\nAsks:\n1. Security on-call (Kwame Asante) - rotate the integration tokens now\n";
		assertThat(actions(read(text))).containsExactly("Kwame Asante | rotate the integration tokens | 2026-03-02 | INTERNAL");
	}

	@Test
	void byTheRenewalDateIsTheRenewalTheDocumentStates() {
		String text = DATED + "Harrow & Finch renew on 2026-04-30.\n\nNext steps\n1. Oliver Grant - prepare a renewal options paper by the renewal date\n";
		assertThat(actions(read(text))).containsExactly("Oliver Grant | prepare a renewal options paper | 2026-04-30 | INTERNAL");
	}

	@Test
	void aLetterWithoutAFromLineIsItsSignersAndItsAsksGoToWhomItGreets() {
		String text = """
				Sent: Wednesday, April 1, 2026

				Hi Jamal,

				Thanks for the call. I'll prepare the service credit calculation by Monday and I will also set up
				a monthly service review with your team.

				On your side, could you send me the list of breached tickets by Friday?

				Best,
				Ana Costa
				""";
		ExtractionDraft draft = read(text);
		assertThat(actions(draft)).containsExactly("Ana Costa | prepare the service credit calculation | 2026-04-06 | INTERNAL",
				"Ana Costa | set up a monthly service review with your team | null | INTERNAL",
				"Jamal | send me the list of breached tickets | 2026-04-03 | INTERNAL");
		assertThat(draft.author().name()).isEqualTo("Ana Costa");
	}

	@Test
	void aQuotedMessageIsItsWritersAndAGreetedFirstNameIsTheWriterItFits() {
		String text = """
				From: Priya Natarajan <priya@riskdesk.example>
				Date: Thu, 5 Mar 2026 16:20:00 -0500
				Subject: Fwd: Kestrel Bank

				FYI.

				On Wed, 4 Mar 2026 at 11:02, Tom Reyes <tom.reyes@riskdesk.example> wrote:
				> Wei Zhang will deploy it tomorrow, and I'll confirm the production date within 48 hours.
				>
				> On Mon, 2 Mar 2026 at 09:30, Anna Kowalski <anna@kestrel.example> wrote:
				>> Hi Tom,
				>> Please send us a written plan by Friday.
				""";
		assertThat(actions(read(text))).containsExactly("Wei Zhang | deploy it | 2026-03-05 | INTERNAL",
				"Tom Reyes | confirm the production date | 2026-03-06 | INTERNAL",
				"Tom Reyes | send us a written plan | 2026-03-06 | INTERNAL");
	}

	@Test
	void courtesiesAndOffersOnTheReadersConditionAreNoActionItems() {
		String text = """
				From: Hollis Grant <hollis@marlow.example>
				Date: Tue, 10 Feb 2026 10:00:00 -0600

				Ella,

				Please treat this email as our formal notice that we will not renew on 2026-04-30.

				If you want to discuss it, I can take a call next week.

				Hollis Grant
				""";
		assertThat(read(text).actionItems()).isEmpty();
	}

	@Test
	void asksInRunningProseJoinedBySemicolonsOrPromisedInTheNextClause() {
		String text = """
				Notes from the call with Oakridge (2026-02-24)

				Their IT director, Peter Haines, was frustrated. He asked for an engineer on site; Fatima Noor from our
				side agreed to be on site on March 2. He wants weekly updates; Daniel Kim said he would send the first
				weekly update this Friday. We asked Peter to send us the directory schema export, and he promised it by
				Wednesday.
				""";
		assertThat(actions(read(text))).containsExactly("Fatima Noor | be on site | 2026-03-02 | INTERNAL",
				"Daniel Kim | send the first weekly update | 2026-02-27 | INTERNAL",
				"Peter Haines | send us the directory schema export | 2026-02-25 | INTERNAL");
	}

	@Test
	void aFirstNameIsTheOneFullNameTheTextWritesItIn() {
		String text = DATED + "Peter Haines joined late. Peter Friday was not a name.\nWe asked Peter to send the export by March 4.\n"
				+ "We asked Maya to send the logs by March 5. Maya Chen and Maya Ortiz were both there.\n";
		assertThat(actions(read(text))).containsExactly("Peter Haines | send the export | 2026-03-04 | INTERNAL",
				"Maya | send the logs | 2026-03-05 | INTERNAL");
	}

}
