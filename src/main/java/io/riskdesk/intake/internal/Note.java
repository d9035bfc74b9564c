package io.riskdesk.intake.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

import io.riskdesk.intake.ExtractionDraft.Attendee;
import io.riskdesk.intake.ExtractionDraft.Field;
import io.riskdesk.intake.ExtractionDraft.Span;
import io.riskdesk.intake.internal.Outline.Line;
import io.riskdesk.intake.internal.Outline.Section;

/**
 * What every reader of one note shares: the normalised text, its outline, the document date, the date of each
 * message (relative dates count from their own message's) and the attendees (owners are completed and sided from
 * them).
 */
record Note(String text, Outline outline, Field<LocalDate> date, MessageDates messageDates, List<Attendee> attendees) {

	Note(String text, Outline outline, Field<LocalDate> date, List<Attendee> attendees) {
		this(text, outline, date, new MessageDates(outline, date == null ? null : date.value()), attendees);
	}

	/** A list item (or, in commitment sections, a sentence of prose) with its nested lines. */
	record Item(Line line, List<Line> children) {

		/** The item's words and its children's, marks removed. */
		String text() {
			String head = Outline.plain(line.content());
			if (children.isEmpty()) {
				return head;
			}
			List<String> nested = children.stream().map(child -> Outline.plain(child.content())).toList();
			return head + " " + String.join("; ", nested);
		}

	}

	/** The date relative dates count from, or null when the note states none. */
	LocalDate reference() {
		return date == null ? null : date.value();
	}

	/** What dates written at character {@code offset} count from: its message's date; null when the note has none. */
	Dates.Reference referenceAt(int offset) {
		return messageDates.at(offset);
	}

	List<Line> lines() {
		return outline.lines;
	}

	Span span(int start, int end) {
		return outline.span(start, end);
	}

	Span span(Line line) {
		return outline.span(line);
	}

	/** From the item's first word to the end of its last nested line. */
	Span span(Item item) {
		Line last = item.children().isEmpty() ? item.line() : item.children().get(item.children().size() - 1);
		return span(item.line().contentStart(), last.contentStart() + last.content().length());
	}

	/**
	 * A value read from plain text with the span of its first occurrence as written (marks and
	 * runs of spaces included), from the line given or else anywhere.
	 */
	Field<String> located(String value, Line line) {
		Matcher written = Outline.asWritten(value).matcher(text);
		return written.find(line == null ? 0 : line.start()) ? new Field<>(value, span(written.start(), written.end())) : null;
	}

	/** The items of the sections given, in document order. */
	List<Item> items(Set<Section> sections) {
		List<Item> items = new ArrayList<>();
		Item current = null;
		for (Line line : lines()) {
			if (!sections.contains(line.section()) || line.heading() || line.blank()) {
				if (line.heading() || !sections.contains(line.section())) {
					current = null;
				}
				continue;
			}
			if (current != null && line.indent() > current.line().indent()
					&& line.section() == current.line().section()) {
				current.children().add(line);
			}
			else if (line.item() || line.section() == Section.CUSTOMER_COMMITMENTS) {
				current = new Item(line, new ArrayList<>());
				items.add(current);
			}
		}
		return items;
	}

	/** The nearest heading at or above a line. */
	Optional<Line> headingOf(Line line) {
		for (int i = line.index(); i >= 0; i--) {
			if (lines().get(i).heading()) {
				return Optional.of(lines().get(i));
			}
		}
		return Optional.empty();
	}

}
