package io.riskdesk.intake;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.riskdesk.intake.IntakeTestSupport.EXTRACTOR;
import static io.riskdesk.intake.IntakeTestSupport.assertSpansPointIntoTheDocument;
import static org.assertj.core.api.Assertions.assertThat;

/** Minimal documents for the account, the document date and the severity read in general ways. */
class AccountDateAndSeverityTest {

	private static ExtractionDraft extract(String text) {
		byte[] content = text.getBytes(StandardCharsets.UTF_8);
		ExtractionDraft draft = EXTRACTOR.extract(content);
		assertSpansPointIntoTheDocument(draft, content);
		return draft;
	}

	private static String account(String text) {
		ExtractionDraft draft = extract(text);
		return draft.accountName() == null ? null : draft.accountName().value();
	}

	@Test
	void anAccountLineMayHoldAccentedLetters() {
		assertThat(account("Weekly sync\nAccount: Bänziger Zürich AG\n\nAll quiet.\n")).isEqualTo("Bänziger Zürich AG");
	}

	@Test
	void theSubjectNamesTheAccountWhenTheBodyNamesItAgain() {
		assertThat(account("""
				From: Ana <ana@riskdesk.example>
				Subject: Fwd: Re: ESCALATION - Kestrel Bank - exports failing

				Kestrel's exports fail again.
				""")).isEqualTo("Kestrel Bank");
		assertThat(account("Subject: URGENT: Larkspur Credit Union - suspected incident\n\nLarkspur reported it.\n"))
			.isEqualTo("Larkspur Credit Union");
	}

	@Test
	void aTitlesOtherCapitalisedWordsAreNoAccount() {
		assertThat(account("# Quarterly Business Review - Orbital Media Group\n\nOrbital Media grew 12%.\n"))
			.isEqualTo("Orbital Media Group");
		assertThat(account("Account review - Harrow & Finch Insurance (UK)\n\nHarrow & Finch renew soon.\n"))
			.isEqualTo("Harrow & Finch Insurance");
		// Named once, in the title only: nothing says it is the customer rather than a topic.
		assertThat(account("# Quarterly Business Review\n\nAll good.\n")).isNull();
		// A first line that is a header is no title.
		assertThat(account("From: Kestrel Bank\n\nKestrel writes.\n")).isNull();
	}

	@Test
	void aChatExportsChannelNamesTheAccountTheBodyWritesOut() {
		assertThat(account("""
				#acct-polaris-grid (Slack export, 2025-12-30)
				[16:02] hana: Polaris Grid Services: dashboards are down
				""")).isEqualTo("Polaris Grid Services");
		assertThat(account("#cs-helio-freight\n[10:42] jonas: Acme called. Helio Freight is timing out\n"))
			.isEqualTo("Helio Freight");
	}

	@Test
	void aRenewalDateWrappedOntoTheNextLineIsRead() {
		assertThat(extract("Date: 2026-03-18\n\nARR 640K USD, renewal\n2026-10-01.\n").renewalDate().value())
			.isEqualTo(LocalDate.of(2026, 10, 1));
		// Not a date somewhere later in the next line: only one that opens it.
		assertThat(extract("Date: 2026-03-18\n\nWe discussed the renewal\nplan we sent on 2026-02-01.\n").renewalDate())
			.isNull();
	}

	@Test
	void aSentLineDatesTheDocument() {
		assertThat(extract("Re: missed SLAs\n\nSent: Wednesday, April 1, 2026\n\nHi,\n").documentDate().value())
			.isEqualTo(LocalDate.of(2026, 4, 1));
	}

	@Test
	void aDateInTheTitleDatesTheDocumentUnlessItIsADeadline() {
		assertThat(extract("Notes from today's call with Oakridge (2026-02-24)\n\nSSO fails.\n").documentDate().value())
			.isEqualTo(LocalDate.of(2026, 2, 24));
		assertThat(extract("#cs-helio — exported Tue 10 Mar 2026\n[10:42] jonas: hi\n").documentDate().value())
			.isEqualTo(LocalDate.of(2026, 3, 10));
		assertThat(extract("Renewal plan due 2026-06-30\n\nDraft.\n").documentDate()).isNull();
	}

	/**
	 * Each sentence fires one playbook rule, with the rule in the suggestion's reason; the signals the
	 * text states (Sev-1 tickets, unpaid invoices, usage drops...) are weighed by the signal module,
	 * which names the event it would record.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			3 Sev-1 tickets open, the oldest is 9 days old.                  | S1 | SUPPORT     | SEV1_TICKETS_REPORTED
			Two Sev-1 tickets opened this month.                             | S1 | SUPPORT     | SEV1_TICKETS_REPORTED
			One Sev-1 ticket opened this month.                              | S3 | SENTIMENT   | no playbook rule
			Two invoices are unpaid, now 45 days overdue.                    | S2 | COMMERCIAL  | INVOICE_OVERDUE_REPORTED
			The customer announced a reorganisation today.                   | S2 | PEOPLE      | REORG
			Budget freeze announced for new spend.                           | S2 | COMMERCIAL  | BUDGET_FREEZE
			Their procurement team has paused the expansion PO.              | S2 | COMMERCIAL  | PROCUREMENT_DELAY
			They want consolidation, which we do not support.                | S2 | PRODUCT_FIT | MISSING_CAPABILITY
			Integration with their ERP is three weeks behind plan.           | S2 | ADOPTION    | integration delay
			The app crashes; supervisors fall back to paper forms.           | S2 | SUPPORT     | works around
			They are frustrated with the four missed response SLAs in March. | S2 | SUPPORT     | missed support SLAs
			Confirmed, partial outage on the EU media relay.                 | S2 | INCIDENT    | OUTAGE_PARTIAL event
			Their dashboards are down for all operators since 14:00.         | S0 | INCIDENT    | all users
			The portal was slow on Thursday; no outage.                      | S3 | SENTIMENT   | no playbook rule
			We read the entire backlog after the 3-hour outage.              | S1 | INCIDENT    | no executive named
			Monthly active users are down 35% compared with 30 days ago.     | S2 | ADOPTION    | USAGE_DROP_REPORTED
			Weekly active users dropped 45% over the last two weeks.         | S1 | ADOPTION    | ADOPTION_COLLAPSE_REPORTED
			The findings must be closed before they sign.                    | S1 | COMMERCIAL  | renewal or contract under threat
			""")
	void aSentenceFiresThePlaybookRuleItDescribes(String sentence, Severity severity, RiskCategory category, String reason) {
		ExtractionDraft.Suggestion suggestion = extract("Notes\n\n" + sentence + "\n").suggestion();

		assertThat(suggestion.severity()).isEqualTo(severity);
		assertThat(suggestion.category()).isEqualTo(category);
		assertThat(suggestion.reason()).contains(reason);
	}

}
