package io.riskdesk.intake.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.riskdesk.intake.ExtractionDraft.Field;
import io.riskdesk.intake.internal.Outline.Line;
import io.riskdesk.intake.internal.Outline.Section;

/** The text sections of a note: concerns, root causes, resolution options and the customer's commitments. */
final class SectionReader {

	/** Prose that commits someone to something ("John agreed to...", "we will..."). */
	static final Pattern COMMITTING = Pattern.compile("(?i)\\b(agree\\w*|commit\\w*|will|promise\\w*)\\b");

	private static final Pattern ROOT_CAUSE_INLINE = Pattern
		.compile("(?i)^root causes?(?: identified)?:\\s*(.+)$|root cause analysis completed \\(([^)]+)\\)|\\btraced to (.+?)(?:\\.|$)");

	/** What the customer wants, stated on a line of its own: "Customer demand: 100% service credit for Q4". */
	private static final Pattern CONCERN_INLINE = Pattern
		.compile("(?i)^customer (?:demands?|requests?|asks?|complaints?|concerns?):\\s*(.+)$");

	private final Note note;

	SectionReader(Note note) {
		this.note = note;
	}

	List<Field<String>> concerns() {
		return sectionAndInline(Section.CONCERNS, CONCERN_INLINE);
	}

	List<Field<String>> rootCauses() {
		return sectionAndInline(Section.ROOT_CAUSE, ROOT_CAUSE_INLINE);
	}

	List<Field<String>> resolutionOptions() {
		return sectionTexts(Section.OPTIONS);
	}

	List<Field<String>> customerCommitments() {
		return note.items(EnumSet.of(Section.CUSTOMER_COMMITMENTS)).stream()
			.filter(item -> item.line().item()
					|| COMMITTING.matcher(item.line().content()).find())
			.map(item -> {
				String content = Outline.plain(item.line().content());
				if (!item.line().item()) {
					// Prose: keep the sentence that commits.
					for (String sentence : content.split("(?<=\\.)\\s+")) {
						if (COMMITTING.matcher(sentence).find()) {
							return note.located(sentence, item.line());
						}
					}
				}
				return new Field<>(content, note.span(item));
			})
			.filter(Objects::nonNull)
			.toList();
	}

	private List<Field<String>> sectionTexts(Section section) {
		return note.items(EnumSet.of(section)).stream().map(item -> new Field<>(item.text(), note.span(item))).toList();
	}

	/** A section's items and the same kind of text stated on a line of its own ("Root cause: ..."), each once. */
	private List<Field<String>> sectionAndInline(Section section, Pattern inline) {
		Map<String, Field<String>> found = new LinkedHashMap<>();
		for (Field<String> item : sectionTexts(section)) {
			found.putIfAbsent(item.value().toLowerCase(Locale.ROOT), item);
		}
		for (Line line : note.lines()) {
			if (line.section() == section && !line.heading()) {
				continue; // already one of the section's items
			}
			String content = line.heading() && line.labelValue() != null ? line.label() + ": " + line.labelValue()
					: line.content();
			Matcher m = inline.matcher(Outline.plain(content));
			if (m.find()) {
				String value = firstGroup(m);
				if (value != null && !value.isBlank()) {
					found.putIfAbsent(value.strip().toLowerCase(Locale.ROOT), note.located(value.strip(), line));
				}
			}
		}
		found.values().removeIf(Objects::isNull);
		return List.copyOf(found.values());
	}

	private static String firstGroup(Matcher m) {
		for (int group = 1; group <= m.groupCount(); group++) {
			if (m.group(group) != null) {
				return m.group(group);
			}
		}
		return null;
	}

}
