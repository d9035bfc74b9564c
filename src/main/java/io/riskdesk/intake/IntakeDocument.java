package io.riskdesk.intake;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.riskdesk.core.InvalidFieldException;

/**
 * An escalation email or meeting note accepted for extraction: UTF-8 text, not empty, not too
 * large, no binary. Its {@code text} is normalised (no byte order mark, line ends as {@code \n});
 * every {@link ExtractionDraft.Span} is an offset into it.
 *
 * @throws InvalidFieldException naming field {@code content} for input that is none of that
 */
public record IntakeDocument(String text) {

	public static final String FIELD = "content";

	public static IntakeDocument of(byte[] content, int maxBytes) {
		if (content == null || content.length == 0) {
			throw new InvalidFieldException(FIELD, "is empty");
		}
		if (content.length > maxBytes) {
			throw new InvalidFieldException(FIELD, "is larger than " + maxBytes + " bytes");
		}
		String text = decode(content);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			// Tabs, line ends and form feeds occur in pasted notes; any other control character means binary.
			if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
				throw new InvalidFieldException(FIELD, "is binary, not text (control character at " + i + ")");
			}
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		if (text.isBlank()) {
			throw new InvalidFieldException(FIELD, "is blank");
		}
		return new IntakeDocument(text.replace("\r\n", "\n").replace('\r', '\n'));
	}

	private static String decode(byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new InvalidFieldException(FIELD, "is not valid UTF-8");
		}
	}

}
