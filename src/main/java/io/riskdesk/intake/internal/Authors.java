package io.riskdesk.intake.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.riskdesk.intake.ExtractionDraft.Author;
import io.riskdesk.intake.internal.Outline.Line;

/**
 * Who wrote what, for the first-person commitments ("I'll send the deck"): the speaker of a chat line,
 * else the sender of its email message (as signed, else as in its From: line), else the document's author.
 */
final class Authors {

	private static final Pattern AUTHOR_LINE = Pattern.compile(
			"(?i)^(?:\\*\\*)?(?:From|Author|Prepared by|Written by|Notes by|Minutes by|Submitted by)(?:\\*\\*)?:(?:\\*\\*)?\\s*(.+)$");

	private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

	private final Outline outline;

	private final Author document;

	Authors(Outline outline) {
		this.outline = outline;
		this.document = find();
	}

	/** The document's author, or null when it names none. */
	Author document() {
		return document;
	}

	/** Who wrote the line, or null when nobody can tell. */
	String of(Line line) {
		Matcher speaker = AttendeeReader.CHAT_SPEAKER.matcher(line.content());
		if (speaker.find()) {
			return AttendeeReader.nameOf(speaker.group(1));
		}
		Outline.Message message = outline.messageOf(line);
		if (message != null) {
			return message.author() != null ? message.author() : displayName(message.from());
		}
		return document == null ? null : document.name();
	}

	private Author find() {
		for (Line line : outline.lines) {
			Matcher author = AUTHOR_LINE.matcher(line.content());
			if (author.matches() && !line.item()) {
				return author(line.contentStart() + author.start(1), author.group(1));
			}
		}
		for (Line line : outline.lines) {
			Matcher speaker = AttendeeReader.CHAT_SPEAKER.matcher(line.content());
			if (speaker.find()) {
				int at = line.contentStart() + speaker.start(1);
				return new Author(AttendeeReader.nameOf(speaker.group(1)), null,
						outline.span(at, at + speaker.group(1).length()));
			}
		}
		return null;
	}

	/** "Priya Shah <priya@example.com>", "priya@example.com", "**Priya Shah**": the name, its email and where it is. */
	private Author author(int at, String value) {
		Matcher email = EMAIL.matcher(value);
		String address = email.find() ? email.group() : null;
		String written = value.replaceAll("<[^>]*>", "").replace("*", "").replace("\"", "").strip();
		if (written.isEmpty() || written.equals(address)) {
			return address == null ? null
					: new Author(AttendeeReader.nameOf(address.substring(0, address.indexOf('@'))), address,
							outline.span(at + email.start(), at + email.end()));
		}
		Matcher name = Outline.asWritten(written).matcher(value);
		return name.find() ? new Author(written, address, outline.span(at + name.start(), at + name.end())) : null;
	}

	/** A From: value without its address, quotes and marks; a bare address stands for its owner's name. */
	private static String displayName(String from) {
		String name = from.replaceAll("<[^>]*>", "").replace("*", "").replace("\"", "").strip();
		Matcher email = EMAIL.matcher(name);
		if (email.matches()) {
			return AttendeeReader.nameOf(name.substring(0, name.indexOf('@')));
		}
		return name;
	}

}
