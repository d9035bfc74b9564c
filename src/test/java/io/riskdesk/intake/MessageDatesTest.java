package io.riskdesk.intake;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.riskdesk.intake.ExtractionDraft.ActionItem;
import org.junit.jupiter.api.Test;

import static io.riskdesk.intake.IntakeTestSupport.EXTRACTOR;
import static org.assertj.core.api.Assertions.assertThat;

/** Dates and money read from whole documents: each message's dates count from that message's own date. */
class MessageDatesTest {

	static ExtractionDraft read(String text) {
		return EXTRACTOR.extract(text.getBytes(StandardCharsets.UTF_8));
	}

	static LocalDate dueOf(ExtractionDraft draft, String task) {
		return draft.actionItems().stream().filter(a -> a.task().contains(task)).findFirst().orElseThrow().due();
	}

	@Test
	void eachMessageOfAThreadDatesItsOwnActions() {
		ExtractionDraft draft = read("""
				From: Jonas Berg <jonas.berg@northwind.com>
				Date: Tue, 10 Mar 2026 09:15
				Subject: RE: Export failures

				Action: Priya to send the fix plan by tomorrow

				From: Priya Shah <priya.shah@riskdesk.io>
				Date: Mon, 2 Mar 2026 16:40
				Subject: Export failures

				Action: Tom to confirm the budget owner by Friday
				""");
		assertThat(draft.documentDate().value()).isEqualTo("2026-03-10");
		assertThat(dueOf(draft, "fix plan")).isEqualTo("2026-03-11");
		assertThat(dueOf(draft, "budget owner")).isEqualTo("2026-03-06");
	}

	@Test
	void aQuotedReplyCountsFromItsWroteLine() {
		ExtractionDraft draft = read("""
				Date: Thu, 12 Mar 2026 08:00

				Action: Dana to confirm the rollback within 48 hours

				On Sun, 1 Mar 2026 at 23:10, Tom Berg <tom@northwind.com> wrote:
				> Action: Priya to share the incident timeline within 48 hours
				""");
		assertThat(dueOf(draft, "rollback")).isEqualTo("2026-03-14");
		// 48 hours from Sunday 23:10 is Tuesday 23:10.
		assertThat(dueOf(draft, "incident timeline")).isEqualTo("2026-03-03");
	}

	@Test
	void aChatExportsDaySeparatorsDateTheirMessages() {
		ExtractionDraft draft = read("""
				--- Monday, 2 March 2026 ---
				[09:10] jonas.berg: Action: send the export logs by tomorrow
				--- Thursday, 5 March 2026 ---
				[10:00] priya: Action: deploy the patch by tomorrow
				""");
		assertThat(dueOf(draft, "export logs")).isEqualTo("2026-03-03");
		assertThat(dueOf(draft, "deploy the patch")).isEqualTo("2026-03-06");
	}

	@Test
	void aDateEndingAWrappedSentenceIsNoDaySeparator() {
		ExtractionDraft draft = read("""
				Date: 2026-03-18

				Their Head of Operations asked for a fix timeline. ARR 640K USD, renewal
				2026-10-01.

				Rita Alvarez will ship the Android hotfix by March 25.
				""");
		assertThat(dueOf(draft, "Android hotfix")).isEqualTo("2026-03-25");
	}

	@Test
	void anAmbiguousDateIsProposedWithItsOtherReadingNotGuessed() {
		ExtractionDraft draft = read("""
				Date: 2026-02-20
				Account: Northwind Traders
				Renewal: 6/3
				Action: Priya to send the renewal quote by 4/5
				""");
		assertThat(draft.renewalDate().value()).isEqualTo("2026-06-03");
		assertThat(draft.renewalDate().ambiguous()).isTrue();
		assertThat(draft.renewalDate().alternatives()).containsExactly(LocalDate.of(2026, 3, 6));
		ActionItem quote = draft.actionItems().get(0);
		assertThat(quote.due()).isEqualTo("2026-04-05");
		assertThat(quote.dueAlternatives()).containsExactly(LocalDate.of(2026, 5, 4));
	}

	@Test
	void aDayFirstDateElsewhereSettlesTheOrder() {
		ExtractionDraft draft = read("""
				Date: 20/02/2026
				Account: Northwind Traders
				Renewal: 6/3
				Action: Priya to send the renewal quote by 4/5
				""");
		assertThat(draft.renewalDate().value()).isEqualTo("2026-03-06");
		assertThat(draft.renewalDate().ambiguous()).isFalse();
		assertThat(draft.actionItems().get(0).due()).isEqualTo("2026-05-04");
		assertThat(draft.actionItems().get(0).dueAlternatives()).isEmpty();
	}

	@Test
	void aMonthlyContractValueIsTwelveTimesItAndSaysSo() {
		ExtractionDraft draft = read("""
				Date: 2026-02-20
				Account: Harbour Freight Ltd
				ARR: £90k/month
				""");
		assertThat(draft.contractValue().value().amount()).isEqualByComparingTo("1080000");
		assertThat(draft.contractValue().value().currency().getCurrencyCode()).isEqualTo("GBP");
		assertThat(draft.contractValue().span().text()).isEqualTo("£90k/month");
		assertThat(draft.contractValue().note()).isEqualTo("12 x GBP 90000 per month");
	}

	@Test
	void aContractValueWithoutCurrencyTakesTheDocumentsAndSaysSo() {
		ExtractionDraft draft = read("""
				Date: 2026-02-20
				Account: Lumen Logistik GmbH
				ARR 640K, 45 open tickets, usage down 20%.
				Expansion worth €120k is on hold.
				""");
		assertThat(draft.contractValue().value().amount()).isEqualByComparingTo("640000");
		assertThat(draft.contractValue().value().currency().getCurrencyCode()).isEqualTo("EUR");
		assertThat(draft.contractValue().note()).isEqualTo("no currency written: EUR assumed");
		assertThat(List.of(draft.contractValue().span().text())).containsExactly("640K");
	}

	@Test
	void theDocumentsOwnDateLineIsReadInItsDateOrder() {
		assertThat(read("Account review (dates dd/mm/yyyy)\nDate: 09/02/2026\n").documentDate().value()).isEqualTo("2026-02-09");
		assertThat(read("Date: 03/04/2026 (UK date format)\n").documentDate().value()).isEqualTo("2026-04-03");
	}

	@Test
	void withoutAContractWordARecurringAmountIsTheContractValue() {
		ExtractionDraft draft = read("""
				Date: 2026-02-20
				Bluefin pays $45K per month on a monthly-billed annual contract. A $5K credit was offered.
				""");
		assertThat(draft.contractValue().value().amount()).isEqualByComparingTo("540000");
		assertThat(draft.contractValue().note()).isEqualTo("12 x USD 45000 per month");
	}

}
