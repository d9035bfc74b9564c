package io.riskdesk.intake.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.riskdesk.intake.ExtractionDraft.Author;
import io.riskdesk.intake.internal.Outline.Line;

/**
 * Who wrote what, for the first-person commitments ("I'll send the deck"): the speaker of a chat line, else
 * the writer of the quoted message it stands in ("On Wed, 4 Mar 2026, Tom Reyes wrote:"), else the sender of
 * its email message (as signed, else as in its From: line), else the document's author (named on a From: or
 * Author: line, else by the signature under a sign-off).
 */
final class Authors {

	private static final Pattern AUTHOR_LINE = Pattern.compile(
			"(?i)^(?:\\*\\*)?(?:From|Author|Prepared by|Written by|Notes by|Minutes by|Submitted by)(?:\\*\\*)?:(?:\\*\\*)?\\s*(.+)$");

	private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

	private static final Pattern QUOTE = Pattern.compile("^(?:\\s*>)+");

	private static final Pattern SIGN_OFF = Pattern.compile(
			"(?i)^(?:best(?: regards| wishes)?|(?:kind|warm|many)? ?regards|(?:many )?thanks|thank you|cheers|sincerely|yours(?: truly| sincerely)?|all the best)[,.!]?$");

	/** A name as signed: one to three capitalised words. */
	private static final Pattern SIGNED = Pattern.compile("\\p{Lu}[\\p{L}'’-]+(?: \\p{Lu}[\\p{L}'’-]+){0,2}");

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
		int depth = line.quoteDepth();
		String quoted = depth == 0 ? null : quotedWriter(line, depth);
		if (quoted != null) {
			return quoted;
		}
		Outline.Message message = outline.messageOf(line);
		if (message != null) {
			return message.author() != null ? message.author() : displayName(message.from());
		}
		return document == null ? null : document.name();
	}

	/** Everyone the document shows writing: its author, each message's sender and each quoted message's writer. */
	List<String> writers() {
		List<String> names = new ArrayList<>();
		if (document != null) {
			names.add(document.name());
		}
		for (Outline.Message message : outline.messages) {
			names.add(message.author() != null ? message.author() : displayName(message.from()));
		}
		for (Line line : outline.lines) {
			String writer = writerIn(QUOTE.matcher(line.text()).replaceFirst("").strip());
			if (writer != null) {
				names.add(writer);
			}
		}
		return names;
	}

	/** The writer named on the "... wrote:" line that opens the quoted message holding the line; null when none does. */
	private String quotedWriter(Line line, int depth) {
		for (int i = line.index() - 1; i >= 0; i--) {
			Line above = outline.lines.get(i);
			int aboveDepth = above.quoteDepth();
			if (aboveDepth < depth - 1) {
				return null;
			}
			if (aboveDepth == depth - 1) {
				String writer = writerIn(QUOTE.matcher(above.text()).replaceFirst("").strip());
				if (writer != null) {
					return writer;
				}
			}
		}
		return null;
	}

	/** "On Wed, 4 Mar 2026 at 11:02, Tom Reyes <tom@example.com> wrote:": the name after the date, else the address's. */
	private static String writerIn(String content) {
		Matcher wrote = MessageDates.WROTE.matcher(content);
		if (!wrote.matches()) {
			return null;
		}
		String value = wrote.group(1);
		String written = value.replaceAll("<[^>]*>", "").strip();
		String name = written.substring(written.lastIndexOf(',') + 1).strip();
		if (SIGNED.matcher(name).matches()) {
			return name;
		}
		Matcher email = EMAIL.matcher(value);
		return email.find() ? AttendeeReader.nameOf(email.group().substring(0, email.group().indexOf('@'))) : null;
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
		return signed();
	}

	/** A letter without a From: line: the name on the line under its sign-off ("Best,\nAna Costa"). */
	private Author signed() {
		List<Line> lines = outline.lines;
		for (int i = 0; i + 1 < lines.size(); i++) {
			Line next = lines.get(i + 1);
			if (SIGN_OFF.matcher(lines.get(i).content().strip()).matches() && SIGNED.matcher(next.content().strip()).matches()) {
				String name = next.content().strip();
				return new Author(name, null, outline.span(next.contentStart(), next.contentStart() + name.length()));
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
