package io.riskdesk.intake;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

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

}
