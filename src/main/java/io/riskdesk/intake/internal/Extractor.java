package io.riskdesk.intake.internal;

import io.riskdesk.intake.ExtractionDraft;
import io.riskdesk.playbook.Playbook;

/** Deterministic extraction: Markdown structure from commonmark, the rest by plain rules. Thread-safe. */
public final class Extractor {

	private final SeverityRules rules;

	public Extractor(Playbook playbook) {
		this.rules = new SeverityRules(playbook);
	}

	/** @param text a normalised document (line ends {@code \n}) */
	public ExtractionDraft extract(String text) {
		return new NoteReader(text, rules).read();
	}

}
