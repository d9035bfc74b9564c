package io.riskdesk.intake;

import java.io.IOException;
import java.io.InputStream;

import io.riskdesk.intake.internal.Extractor;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.core.InvalidFieldException;

/**
 * Turns an escalation email or meeting note into an {@link ExtractionDraft} with a suggested
 * category and severity. Plain Java: tests build it without Spring; the application's bean
 * comes from {@link IntakeConfiguration}.
 */
public class NotesExtractor {

	private final Extractor extractor;

	private final int maxBytes;

	public NotesExtractor(Playbook playbook, int maxBytes) {
		this.extractor = new Extractor(playbook);
		this.maxBytes = maxBytes;
	}

	/** @throws InvalidFieldException naming {@code content} for empty, over-size, non-UTF-8 or binary input */
	public ExtractionDraft extract(byte[] content) {
		return extract(IntakeDocument.of(content, maxBytes));
	}

	public ExtractionDraft extract(IntakeDocument document) {
		return extractor.extract(document.text());
	}

	/** Reads a body up to one byte over the limit: enough to refuse it, without ever holding a huge one in memory. */
	public byte[] read(InputStream body) throws IOException {
		return body.readNBytes((int) Math.min(maxBytes + 1L, Integer.MAX_VALUE));
	}

	public int maxBytes() {
		return maxBytes;
	}

}
