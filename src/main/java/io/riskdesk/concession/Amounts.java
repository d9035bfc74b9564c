package io.riskdesk.concession;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import io.riskdesk.account.Money;

/** Money and notes as the timeline and messages write them: "USD 12,000.00", " (goodwill)". */
final class Amounts {

	private Amounts() {
	}

	static String text(Money money) {
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return money.currency().getCurrencyCode() + " " + format.format(money.amount());
	}

	static String note(String note) {
		return note == null || note.isBlank() ? "" : " (" + note.strip() + ")";
	}

}
