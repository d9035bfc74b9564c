package io.riskdesk.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.riskdesk.intake.ExtractionDraft.Signal;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.signal.TextSignal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static io.riskdesk.intake.IntakeTestSupport.EXTRACTOR;
import static io.riskdesk.intake.IntakeTestSupport.SEED_NOTES;
import static io.riskdesk.intake.IntakeTestSupport.assertSpansPointIntoTheDocument;
import static org.assertj.core.api.Assertions.assertThat;

/** The playbook's signals read from prose, with their figures and spans, and the sentences that deny them. */
class TextSignalsTest {

	private static final String HEADER = "Date: 2026-11-20\nCustomer: Fenwick Labs\n\n";

	private static List<Signal> signals(String body) {
		byte[] content = (HEADER + body).getBytes(StandardCharsets.UTF_8);
		ExtractionDraft draft = EXTRACTOR.extract(content);
		assertSpansPointIntoTheDocument(draft, content);
		return draft.signals();
	}

	private static List<String> read(String body) {
		return signals(body).stream()
			.map(s -> s.signal() + (s.value() == null ? "" : " " + s.value()) + " | " + s.span().text())
			.toList();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			SPONSOR_LEFT           | Our executive sponsor, Dana Whitfield, left the company last week.       | sponsor, Dana Whitfield, left
			SPONSOR_LEFT           | We learned of the departure of their sponsor on Monday.                  | departure of their sponsor
			SPONSOR_LEFT           | The champion is no longer with Fenwick.                                  | champion is no longer with
			POC_LEFT               | Their main contact resigned in October.                                  | main contact resigned
			REORG                  | A company-wide reorganisation put the rollout on hold.                   | reorganisation
			USAGE_DROP 45          | Weekly active users dropped by 45% since September.                      | active users dropped by 45%
			USAGE_DROP 35          | We see a 35% decline in usage across the EU teams.                       | 35% decline in usage
			SEV1_TICKETS 3         | They opened three Sev-1 tickets this month.                              | three Sev-1 tickets
			SEV1_UNRESOLVED 2      | Of the Sev-1 tickets, 2 remain unresolved.                               | Sev-1 tickets, 2 remain unresolved
			OUTAGE_ALL_USERS       | On Tuesday all users were locked out for four hours.                     | all users were locked out
			OUTAGE_ALL_USERS       | A complete outage hit the platform, since resolved.                      | complete outage
			SECURITY_INCIDENT      | Their CISO reported a data breach involving exported reports.            | data breach
			INVOICE_OVERDUE        | Two invoices are now 60 days overdue.                                    | invoices are now 60 days overdue
			BUDGET_FREEZE          | Finance announced a budget freeze until April.                           | budget freeze
			PROCUREMENT_DELAY      | Procurement has delayed the expansion order again.                       | Procurement has delayed
			MISSING_CAPABILITY     | The platform lacks SAML group sync, a hard requirement for them.          | platform lacks
			NPS 3                  | Their admin gave us an NPS of 3 in the last survey.                      | NPS of 3
			SATISFACTION 40        | CSAT fell to 2/5 after the migration.                                    | CSAT fell to 2/5
			NEGATIVE_EXEC_FEEDBACK | The CFO is frustrated with the lack of reporting.                        | CFO is frustrated
			OUTAGE_ALL_USERS       | Subject: complete platform outage                                        | complete platform outage
			PROCUREMENT_DELAY      | Their procurement team has paused the expansion PO.                      | procurement team has paused
			MISSING_CAPABILITY     | They need multi-entity consolidation, which we do not support.           | we do not support
			""")
	void readsEachSignalWithItsFigureAndSpan(String expected, String sentence, String span) {
		assertThat(read(sentence)).containsExactly(expected + " | " + span);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			There was no security incident and no data breach.
			The sponsor stays on through the renewal.
			The sponsor is not leaving, whatever the rumours say.
			If the sponsor leaves, the renewal is at risk.
			We had no Sev-1 tickets this quarter.
			No invoices are overdue.
			Usage is stable; there is no budget freeze.
			The CFO was not unhappy with the quarter.
			Nobody reported an outage for all users.
			The reorg was ruled out by their board.
			""")
	void deniedOrHedgedSignalsAreNotRead(String sentence) {
		assertThat(read(sentence)).isEmpty();
	}

	@Test
	void aSignalStatedOverAWrappedLineIsReadAndAnEarlierQuotedDenialDoesNotHideIt() {
		assertThat(read("Their CEO told our CRO that the platform \"has not delivered what was\nsold\" and that he is unhappy."))
			.containsExactly("NEGATIVE_EXEC_FEEDBACK | CEO told our CRO that the platform \"has not delivered what was\nsold\" and that he is unhappy");
	}

	@Test
	void aFigureUnderThePlaybooksThresholdIsShownButDoesNotCount() {
		Signal drop = signals("Usage is down 12% since the summer.").get(0);

		assertThat(drop.signal()).isEqualTo(TextSignal.USAGE_DROP);
		assertThat(drop.value()).isEqualTo(12);
		assertThat(drop.counts()).isFalse();
		assertThat(drop.severity()).isNull();
	}

	@Test
	void aCountingSignalIsWeighedAndExplainedLikeDetectionsEventRule() {
		Signal sponsor = signals("Our sponsor Dana left in November.").get(0);

		assertThat(sponsor.category()).isEqualTo(RiskCategory.PEOPLE);
		assertThat(sponsor.severity()).isEqualTo(Severity.S1);
		assertThat(sponsor.explanation()).isEqualTo("SPONSOR_LEFT on 2026-11-20 (sponsor Dana left): within 30 days");
	}

	@Test
	void theSuggestionIsTheMostSevereSignalWithDetectionsExplanation() {
		byte[] content = (HEADER + "The CFO is furious. A security incident exposed two reports.")
			.getBytes(StandardCharsets.UTF_8);

		ExtractionDraft.Suggestion suggestion = EXTRACTOR.extract(content).suggestion();

		assertThat(suggestion.severity()).isEqualTo(Severity.S0);
		assertThat(suggestion.category()).isEqualTo(RiskCategory.INCIDENT);
		assertThat(suggestion.reason()).isEqualTo("SECURITY_INCIDENT on 2026-11-20 (security incident): within 30 days -> S0");
	}

	@Test
	void oneSignalPerKindTheMostSevereFigure() {
		assertThat(read("Usage fell 35% in March. By May, usage was down 60%.")).containsExactly(
				"USAGE_DROP 60 | usage was down 60%");
	}

}
