package io.riskdesk.signal;

/**
 * A signal a document states: its figure when it carries one (the percentage of a usage drop,
 * a count of Sev-1 tickets, an NPS), and the words that state it.
 */
public record ReportedSignal(TextSignal signal, Integer value, String quote) {

	/** How a finding and the recorded event's note quote it: the words, at most 300 characters, on one line. */
	public String note() {
		String words = quote == null ? "" : quote.strip().replaceAll("\\s+", " ");
		return words.length() > 300 ? words.substring(0, 299) + "…" : words;
	}

}
