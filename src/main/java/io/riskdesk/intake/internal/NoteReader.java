package io.riskdesk.intake.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.riskdesk.intake.ExtractionDraft;
import io.riskdesk.intake.ExtractionDraft.Attendee;
import io.riskdesk.intake.ExtractionDraft.Field;
import io.riskdesk.intake.ExtractionDraft.Impact;
import io.riskdesk.intake.ExtractionDraft.Signal;
import io.riskdesk.intake.internal.Outline.Line;
import io.riskdesk.intake.internal.Outline.Section;

/**
 * Reads one normalised note into a draft: finds what every reader needs (the document date, the
 * attendees) and the account, then lets each reader take its part.
 */
final class NoteReader {

	private static final Pattern DATE_LINE = Pattern.compile("^(?:\\*\\*)?(?:Date|Sent):(?:\\*\\*)?\\s*(.+)$");

	/** A date in a title that is a deadline or a renewal, not the day the document was written. */
	private static final Pattern DEADLINE_BEFORE = Pattern.compile("(?i)\\b(?:by|until|before|due|deadline|renew\\w*)\\s*:?\\s*$");

	private static final Pattern TIMESTAMP = Pattern.compile("^\\[?(\\d{4}-\\d{2}-\\d{2})[ T]\\d{1,2}:\\d{2}");

	private static final Pattern ACCOUNT_LINE = Pattern
		.compile("^(?:Customer|Account|Client|Company)(?: name)?:\\s*(\\p{Lu}[\\p{L}\\p{N}&.' -]{1,60}?)\\s*$");

	private static final Pattern NAMED_COMPANY = Pattern.compile(
			"(?:complaint|escalation|escalated complaint|Client|issue) from ([A-Z][\\w&]*(?: [A-Z][\\w&]*){0,3})|\\bClient ([A-Z][\\w&]*(?: [A-Z][\\w&]*){0,3})");

	private final String text;

	private final Outline outline;

	private final SeverityRules rules;

	NoteReader(String text, SeverityRules rules) {
		this.text = text;
		this.outline = new Outline(text);
		this.rules = rules;
	}

	ExtractionDraft read() {
		AttendeeReader people = new AttendeeReader(outline);
		Note note = new Note(text, outline, documentDate(), people.attendees());
		Authors authors = new Authors(outline);
		FigureReader figures = new FigureReader(note);
		SectionReader sections = new SectionReader(note);
		DecisionReader decisionReader = new DecisionReader(note);
		Field<LocalDate> cancellation = figures.cancellationDate();
		Field<LocalDate> renewal = figures.renewalDate();
		List<Impact> impact = figures.impact();
		List<Field<String>> decisions = decisionReader.decisions();
		List<Signal> signals = rules.signals(text, note.reference());
		return new ExtractionDraft(accountName(note, people.organisations()), note.date(), note.attendees(), authors.document(),
				figures.contractValue(), renewal, cancellation, impact, sections.concerns(), sections.rootCauses(),
				sections.resolutionOptions(), decisions, decisionReader.concessions(decisions),
				new ActionItemReader(note, authors, valueOf(renewal)).actionItems(), new MeetingReader(note).meetings(),
				sections.customerCommitments(), rules.suggest(text, impact, cancellation, renewal, note.reference(), signals),
				signals);
	}

	private static <T> T valueOf(Field<T> field) {
		return field == null ? null : field.value();
	}

	private Field<LocalDate> documentDate() {
		Dates.Reference order = Dates.Reference.undated(Dates.order(text));
		for (Line line : outline.lines) {
			Matcher m = DATE_LINE.matcher(line.content());
			if (m.matches()) {
				Optional<Dates.Found> found = Dates.absolute(m.group(1), order);
				if (found.isPresent()) {
					int at = line.contentStart() + m.start(1);
					return new Field<>(found.get().date(), outline.span(at + found.get().start(), at + found.get().end()));
				}
			}
		}
		for (Line line : outline.lines) {
			Matcher m = TIMESTAMP.matcher(line.content());
			if (m.find()) {
				Optional<Dates.Found> found = Dates.absolute(m.group(1), order);
				if (found.isPresent()) {
					int at = line.contentStart() + m.start(1);
					return new Field<>(found.get().date(), outline.span(at, at + m.group(1).length()));
				}
			}
		}
		return titleDate(order);
	}

	/** "Notes from today's call with Oakridge (2026-02-24)", "#acct-polaris (Slack export, 2025-12-30)". */
	private Field<LocalDate> titleDate(Dates.Reference order) {
		Line title = outline.lines.stream().filter(line -> !line.content().isBlank()).findFirst().orElse(null);
		if (title == null) {
			return null;
		}
		Optional<Dates.Found> found = Dates.absolute(title.content(), order);
		if (found.isEmpty() || DEADLINE_BEFORE.matcher(title.content().substring(0, found.get().start())).find()) {
			return null;
		}
		int at = title.contentStart();
		return new Field<>(found.get().date(), outline.span(at + found.get().start(), at + found.get().end()));
	}

	private Field<String> accountName(Note note, List<String> organisations) {
		for (Line line : outline.lines) {
			if (line.section() == Section.ATTENDEES) {
				continue;
			}
			Matcher m = ACCOUNT_LINE.matcher(Outline.plain(line.content()));
			if (m.matches() && note.attendees().stream().noneMatch(a -> a.name().equals(m.group(1)))) {
				return note.located(m.group(1), line);
			}
		}
		if (!organisations.isEmpty()) {
			return note.located(organisations.get(0), null);
		}
		for (Line line : outline.lines) {
			if (line.item() && line.section() == Section.ACCOUNT) {
				Matcher m = Outline.NAMED_LINE.matcher(Outline.plain(line.content()));
				if (m.matches()) {
					return note.located(m.group(1), line);
				}
			}
		}
		Matcher m = NAMED_COMPANY.matcher(text);
		if (m.find()) {
			int group = m.group(1) != null ? 1 : 2;
			return new Field<>(m.group(group), outline.span(m.start(group), m.end(group)));
		}
		List<String> people = note.attendees().stream().map(Attendee::name).toList();
		return TitleAccount.in(text, people).map(name -> note.located(name, null)).orElse(null);
	}

}
