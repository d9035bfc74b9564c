package io.riskdesk.intake;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;

import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import org.junit.jupiter.api.Test;

import static io.riskdesk.intake.IntakeTestSupport.EXTRACTOR;
import static io.riskdesk.intake.IntakeTestSupport.assertSpansPointIntoTheDocument;
import static io.riskdesk.intake.IntakeTestSupport.resource;
import static io.riskdesk.intake.SeedDocumentsTest.actions;
import static io.riskdesk.intake.SeedDocumentsTest.attendees;
import static io.riskdesk.intake.SeedDocumentsTest.impact;
import static io.riskdesk.intake.SeedDocumentsTest.values;
import static org.assertj.core.api.Assertions.assertThat;

/** Notes written differently from the seeds: tables, owner lines, mentions, ISO and US dates, plain text, email, chat. */
class VariedDocumentsTest {

	@Test
	void markdownTableOfActionItemsWithIsoAndUsDates() {
		byte[] content = resource("renewal-review-table.md");
		ExtractionDraft draft = EXTRACTOR.extract(content);

		assertThat(draft.accountName().value()).isEqualTo("Northwind Traders");
		assertThat(draft.documentDate().value()).isEqualTo(LocalDate.of(2026, 3, 2));
		assertThat(draft.contractValue().value().amount()).isEqualByComparingTo("300000");
		assertThat(draft.contractValue().value().currency().getCurrencyCode()).isEqualTo("EUR");
		assertThat(draft.renewalDate().value()).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(attendees(draft)).containsExactly("Priya Shah | Customer Success Manager | INTERNAL",
				"Tom Berg | VP Operations | CUSTOMER");
		assertThat(values(draft.concerns())).containsExactly("Reporting exports time out for large workspaces",
				"No admin trained since the champion left in January");
		// "@tom" is the customer's Tom Berg; "Friday" is the Friday after Monday 2 March.
		assertThat(actions(draft)).containsExactly(
				"Priya Shah | Send renewal proposal with revised pricing | 2026-03-09 | INTERNAL",
				"Tom Berg | Confirm the budget owner | 2026-03-06 | CUSTOMER");
		// Renewal in 29 days, inside the playbook's D-30.
		assertThat(draft.suggestion().severity()).isEqualTo(Severity.S0);
		assertThat(draft.suggestion().category()).isEqualTo(RiskCategory.COMMERCIAL);
		assertThat(draft.suggestion().reason()).contains("D-30");
		assertSpansPointIntoTheDocument(draft, content);
	}

	@Test
	void numberedListsWithOwnerAndDueLines() {
		byte[] content = resource("numbered-owner-lines.md");
		ExtractionDraft draft = EXTRACTOR.extract(content);

		assertThat(draft.accountName().value()).isEqualTo("Helix Bank");
		assertThat(draft.documentDate().value()).isEqualTo(LocalDate.of(2025, 12, 1));
		assertThat(draft.contractValue().value().amount()).isEqualByComparingTo("1450000");
		assertThat(draft.contractValue().value().currency().getCurrencyCode()).isEqualTo("USD");
		assertThat(values(draft.concerns())).containsExactly("Login latency above 4 seconds for EU users",
				"Sev-1 ticket backlog growing for three weeks");
		assertThat(actions(draft)).containsExactly("Dana Cole | Ship the EU cache fix | 2025-12-12 | INTERNAL",
				"Ravi | Review ticket backlog with support | 2025-12-05 | INTERNAL");
		assertThat(draft.suggestion().severity()).isEqualTo(Severity.S1);
		assertThat(draft.suggestion().category()).isEqualTo(RiskCategory.SUPPORT);
		assertSpansPointIntoTheDocument(draft, content);
	}

	@Test
	void plainTextEmailThread() {
		byte[] content = resource("email-thread.txt");
		ExtractionDraft draft = EXTRACTOR.extract(content);

		assertThat(draft.accountName().value()).isEqualTo("Northwind Traders");
		assertThat(draft.documentDate().value()).isEqualTo(LocalDate.of(2026, 3, 2));
		assertThat(attendees(draft)).containsExactly("Priya Shah | null | INTERNAL", "Morgan Lee | null | INTERNAL");
		assertThat(impact(draft)).containsExactly("MONEY_LOST 40000 USD", "PEOPLE_AFFECTED 1200 users",
				"DOWNTIME 3 hours");
		assertThat(actions(draft)).containsExactly("Ravi | publish the incident report | 2026-03-04 | INTERNAL",
				"Priya Shah | book a call with their CTO | null | INTERNAL");
		assertThat(draft.followUpMeetings()).singleElement().satisfies(meeting -> {
			assertThat(meeting.date()).isEqualTo(LocalDate.of(2026, 3, 5));
			assertThat(meeting.time()).isEqualTo(LocalTime.of(16, 0));
		});
		// Short, but the customer's CTO is on it.
		assertThat(draft.suggestion().severity()).isEqualTo(Severity.S0);
		assertThat(draft.suggestion().category()).isEqualTo(RiskCategory.INCIDENT);
		assertSpansPointIntoTheDocument(draft, content);
	}

	@Test
	void chatExportWithTimestampedLines() {
		byte[] content = resource("chat-export.txt");
		ExtractionDraft draft = EXTRACTOR.extract(content);

		assertThat(draft.documentDate().value()).isEqualTo(LocalDate.of(2026, 1, 14));
		// A chat names no account in a form the extractor knows.
		assertThat(draft.accountName()).isNull();
		assertThat(attendees(draft)).containsExactly("Priya Shah | null | INTERNAL", "Sam Rivera | null | INTERNAL",
				"Morgan Lee | null | INTERNAL");
		assertThat(draft.contractValue().value().amount()).isEqualByComparingTo("1100000");
		assertThat(draft.renewalDate().value()).isEqualTo(LocalDate.of(2026, 4, 30));
		assertThat(actions(draft)).containsExactly("Sam Rivera | set up a call with the new VP | 2026-01-21 | INTERNAL",
				"Priya Shah | draft the exec brief | 2026-01-16 | INTERNAL");
		assertThat(draft.followUpMeetings()).singleElement().satisfies(meeting -> {
			assertThat(meeting.date()).isEqualTo(LocalDate.of(2026, 1, 15));
			assertThat(meeting.time()).isEqualTo(LocalTime.of(11, 30));
		});
		assertThat(draft.suggestion().category()).isEqualTo(RiskCategory.PEOPLE);
		assertThat(draft.suggestion().severity()).isEqualTo(Severity.S1);
		assertSpansPointIntoTheDocument(draft, content);
	}

	@Test
	void plainTextNotesWithInlineAttendeesAndDecision() {
		byte[] content = resource("plain-text-notes.txt");
		ExtractionDraft draft = EXTRACTOR.extract(content);

		assertThat(draft.accountName().value()).isEqualTo("Fabrikam");
		assertThat(draft.documentDate().value()).isEqualTo(LocalDate.of(2025, 8, 14));
		assertThat(attendees(draft)).containsExactly("Priya Shah | CSM | INTERNAL",
				"Dan Okafor | Support Lead | INTERNAL", "Lena Vogel | null | CUSTOMER");
		assertThat(draft.contractValue().value().amount()).isEqualByComparingTo("640000");
		assertThat(values(draft.concerns())).containsExactly("Usage shows a 45% drop in active users over 14 days",
				"Admins were never trained");
		assertThat(values(draft.decisions())).containsExactly("Run a two-week enablement sprint");
		assertThat(actions(draft)).containsExactly("Dan Okafor | deliver the training plan | 2025-08-20 | INTERNAL",
				"Lena Vogel | nominate five champions | 2025-08-15 | CUSTOMER");
		assertThat(draft.followUpMeetings()).singleElement().satisfies(meeting -> {
			assertThat(meeting.date()).isEqualTo(LocalDate.of(2025, 8, 21));
			assertThat(meeting.purpose()).isEqualTo("enablement check-in");
		});
		// 45% is over the playbook's 40% adoption collapse.
		assertThat(draft.suggestion().category()).isEqualTo(RiskCategory.ADOPTION);
		assertThat(draft.suggestion().severity()).isEqualTo(Severity.S1);
		assertSpansPointIntoTheDocument(draft, content);
	}

	@Test
	void attendeeNamesWithExtraSpacesOrEmphasisAreQuotedAsWritten() {
		// Found by ExtractorFuzzTest: names were looked up as read (one space, no marks) and got no span.
		byte[] content = """
				**Attendees:**
				- Internal:  Lisa  Wong (Customer Success Manager), **David** Park (Product Manager)
				""".getBytes(StandardCharsets.UTF_8);
		ExtractionDraft draft = EXTRACTOR.extract(content);

		assertThat(draft.attendees()).extracting(a -> a.name() + " | " + a.span().text())
			.containsExactly("Lisa Wong | Lisa  Wong", "David Park | David** Park");
		assertSpansPointIntoTheDocument(draft, content);
	}

	@Test
	void aMeetingAtTheEndOfASentence() {
		// Found by ExtractorFuzzTest: nothing after the day but the full stop threw ArrayIndexOutOfBoundsException.
		byte[] content = """
				Date: 2026-03-02
				Let's meet Friday.
				""".getBytes(StandardCharsets.UTF_8);
		ExtractionDraft draft = EXTRACTOR.extract(content);

		assertThat(draft.followUpMeetings()).singleElement().satisfies(meeting -> {
			assertThat(meeting.date()).isEqualTo(LocalDate.of(2026, 3, 6));
			assertThat(meeting.span().text()).isEqualTo("meet Friday");
		});
		assertSpansPointIntoTheDocument(draft, content);
	}

	@Test
	void rootCausesWrittenWithExtraSpacesOrEmphasisAreKept() {
		// They were looked up as read (one space, no marks), not found, and silently dropped.
		byte[] content = """
				Customer: Northwind
				Root cause:  the **failover** job  was misconfigured
				""".getBytes(StandardCharsets.UTF_8);
		ExtractionDraft draft = EXTRACTOR.extract(content);

		assertThat(draft.rootCauses()).extracting(c -> c.value() + " | " + c.span().text())
			.containsExactly("the failover job was misconfigured | the **failover** job  was misconfigured");
		assertSpansPointIntoTheDocument(draft, content);
	}

	@Test
	void whatTheCustomerAsksForOnALineOfItsOwnIsAConcern() {
		byte[] content = """
				Customer: Northwind
				- Customer request: a named support engineer until go-live
				- Customer demands: weekly written status
				""".getBytes(StandardCharsets.UTF_8);
		ExtractionDraft draft = EXTRACTOR.extract(content);

		assertThat(draft.concerns()).extracting(ExtractionDraft.Field::value)
			.containsExactly("a named support engineer until go-live", "weekly written status");
		assertSpansPointIntoTheDocument(draft, content);
	}

	@Test
	void whatAPersonCommittedToIsADecisionSayingWho() {
		byte[] content = """
				Customer: Northwind

				Priya agreed to:
				- Extend the pilot by two weeks
				- QBR with the CFO in March
				-\s
				- **

				**Sam Rivera committed to:** a written rollout plan

				Customer committed to:
				- Name a project sponsor by Friday
				""".getBytes(StandardCharsets.UTF_8);
		ExtractionDraft draft = EXTRACTOR.extract(content);

		// An empty item is no decision; the customer's own commitments stay the customer's.
		assertThat(draft.decisions()).extracting(ExtractionDraft.Field::value).containsExactly(
				"Priya agreed to: Extend the pilot by two weeks", "Priya agreed to: QBR with the CFO in March",
				"Sam Rivera committed to: a written rollout plan");
		assertThat(draft.customerCommitments()).extracting(ExtractionDraft.Field::value)
			.containsExactly("Name a project sponsor by Friday");
		assertSpansPointIntoTheDocument(draft, content);
	}

	@Test
	void aSubLabelInsideDecisionsIsNoPersonAndAConcernIsNotCountedTwice() {
		byte[] content = """
				Customer: Northwind

				## Decisions
				Commercial:
				- Approve a 10% service credit

				### Customer Concerns
				- Customer demand: full refund for March
				""".getBytes(StandardCharsets.UTF_8);
		ExtractionDraft draft = EXTRACTOR.extract(content);

		assertThat(draft.decisions()).extracting(ExtractionDraft.Field::value).containsExactly("Approve a 10% service credit");
		assertThat(draft.concerns()).extracting(ExtractionDraft.Field::value)
			.containsExactly("Customer demand: full refund for March");
		assertSpansPointIntoTheDocument(draft, content);
	}

	@Test
	void aDayLongOutageIsS0AndTheReasonSaysWhy() {
		byte[] content = """
				Customer: Northwind
				Issue: the warehouse portal was down for 30 hours
				""".getBytes(StandardCharsets.UTF_8);
		ExtractionDraft draft = EXTRACTOR.extract(content);

		assertThat(draft.suggestion().severity()).isEqualTo(Severity.S0);
		assertThat(draft.suggestion().reason()).isEqualTo("30-hour outage, a day or more -> S0");
	}

	@Test
	void anOutageReasonClaimsNoExecutivesNorProductionTheTextDoesNotName() {
		// "strategic-level" once read as "c-level", and every exec reason said "production".
		byte[] content = """
				Customer: Northwind
				Issue: an outage lasting 30 hours hit the strategic-level reporting
				""".getBytes(StandardCharsets.UTF_8);
		assertThat(EXTRACTOR.extract(content).suggestion().reason()).isEqualTo("30-hour outage, a day or more -> S0");

		byte[] shortOutage = """
				Customer: Northwind
				Issue: the portal outage lasted 3 hours
				""".getBytes(StandardCharsets.UTF_8);
		assertThat(EXTRACTOR.extract(shortOutage).suggestion().reason()).isEqualTo("3-hour outage, no executive named -> S1");
	}

	@Test
	void anOutageWithAnExecutiveNamedIsS0WhateverItsLength() {
		byte[] content = """
				Customer: Northwind
				Issue: the portal outage lasted 3 hours; their CFO called us
				""".getBytes(StandardCharsets.UTF_8);
		ExtractionDraft draft = EXTRACTOR.extract(content);

		assertThat(draft.suggestion().severity()).isEqualTo(Severity.S0);
		assertThat(draft.suggestion().reason()).isEqualTo("3-hour outage with exec attention -> S0");
	}

	@Test
	void anAttendeeNameThatIsNotInTheDocumentAsSuchIsLeftOut() {
		// Found by ExtractorFuzzTest: dropping "(remote)" joined the words around it into a name with no span.
		byte[] content = """
				**Attendees:**
				- Robert Kim, Legal Counsel (remote)
				- nsel (remote) ### Agreed Actio
				""".getBytes(StandardCharsets.UTF_8);
		ExtractionDraft draft = EXTRACTOR.extract(content);

		assertThat(draft.attendees()).extracting(ExtractionDraft.Attendee::name).containsExactly("Robert Kim");
		assertSpansPointIntoTheDocument(draft, content);
	}

	@Test
	void anEscapedPipeInATableCellStaysInItsCell() {
		// The cells were split at every pipe: "Fix A \| B" became two cells and the owner and due date moved.
		byte[] content = """
				**Date:** 2026-03-02
				**Attendees:**
				- Priya Shah, Customer Success Manager

				## Action items

				| Owner | Action | Due |
				|-------|--------|-----|
				| Priya | Fix A \\| B | 2026-03-09 |
				""".getBytes(StandardCharsets.UTF_8);
		ExtractionDraft draft = EXTRACTOR.extract(content);

		assertThat(draft.actionItems()).singleElement().satisfies(action -> {
			assertThat(action.owner()).isEqualTo("Priya Shah");
			assertThat(action.task()).isEqualTo("Fix A | B");
			assertThat(action.due()).isEqualTo(LocalDate.of(2026, 3, 9));
			assertThat(action.span().text()).isEqualTo("| Priya | Fix A \\| B | 2026-03-09 |");
		});
		assertSpansPointIntoTheDocument(draft, content);
	}

	@Test
	void businessDaysSkipTheWeekendAndPlainDaysDoNot() {
		// Thursday 5 March 2026: three business days are Friday, Monday and Tuesday; three days end on Sunday.
		byte[] content = """
				Date: 2026-03-05
				Customer: Northwind

				## Action items
				- Priya: send the recovery plan within 3 business days
				- Sam: confirm the service credit within 3 days
				""".getBytes(StandardCharsets.UTF_8);
		ExtractionDraft draft = EXTRACTOR.extract(content);

		assertThat(actions(draft)).containsExactly("Priya | send the recovery plan | 2026-03-10 | INTERNAL",
				"Sam | confirm the service credit | 2026-03-08 | INTERNAL");
		assertSpansPointIntoTheDocument(draft, content);
	}

}
