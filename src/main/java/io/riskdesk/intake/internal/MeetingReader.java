package io.riskdesk.intake.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.riskdesk.intake.ExtractionDraft.Meeting;
import io.riskdesk.intake.internal.Outline.Line;
import io.riskdesk.intake.internal.Outline.Section;

/** Follow-up meetings: labelled ("Next meeting: ...") or a day close after a meeting word in prose. */
final class MeetingReader {

	private static final Pattern MEETING_LABEL = Pattern
		.compile("(?i)follow-?up meeting|next meeting|next call|follow-?up call|next sync|reconvene");

	private static final Pattern MEETING_WORD = Pattern.compile("(?i)\\b(reconvene|meet|meeting|call|sync)\\b");

	private static final Pattern DASH_PURPOSE = Pattern.compile("^[^-–—]*[-–—]\\s*(.+)$");

	private static final Pattern FOR_PURPOSE = Pattern.compile("\\bfor (.+)$");

	private final Note note;

	MeetingReader(Note note) {
		this.note = note;
	}

	/** Whether a label ("Next call", "Follow-up meeting") announces a meeting. */
	static boolean namesMeeting(String label) {
		return MEETING_LABEL.matcher(label).find();
	}

	List<Meeting> meetings() {
		Map<LocalDate, Meeting> meetings = new LinkedHashMap<>();
		for (Line line : note.lines()) {
			String label = line.heading() ? line.label() : null;
			String value = line.heading() ? line.labelValue() : null;
			Matcher labelled = Outline.LABELLED.matcher(Outline.plain(line.content()));
			if (label == null && labelled.matches()) {
				label = labelled.group(1);
				value = labelled.group(2);
			}
			if (label != null && value != null && namesMeeting(label)) {
				Optional<Dates.Found> date = Dates.due(value, note.referenceAt(line.start()));
				if (date.isPresent()) {
					String rest = value.substring(date.get().end());
					Matcher purpose = DASH_PURPOSE.matcher(rest);
					meet(meetings, new Meeting(date.get().date(), Dates.time(rest).orElse(null),
							purpose.matches() ? purpose.group(1).strip() : null, note.span(line)));
					continue;
				}
			}
			freeTextMeetings(line, meetings);
		}
		return List.copyOf(meetings.values());
	}

	/** "willing to meet tomorrow at 10 AM", "reconvene Friday for status update": a day close after a meeting word. */
	private void freeTextMeetings(Line line, Map<LocalDate, Meeting> meetings) {
		if (note.referenceAt(line.start()) == null || line.section() == Section.ACTIONS
				|| ActionItemReader.FLAGGED_ACTION.matcher(line.content()).find()) {
			return;
		}
		String content = line.content();
		Matcher word = MEETING_WORD.matcher(content);
		while (word.find()) {
			int windowEnd = Math.min(content.length(), word.end() + 25);
			while (windowEnd < content.length() && Character.isLetterOrDigit(content.charAt(windowEnd))) {
				windowEnd++; // never cut a date in half ("Jan 21" is not "Jan 2")
			}
			String after = content.substring(word.end(), windowEnd);
			Optional<Dates.Found> date = Dates.due(after, note.referenceAt(line.start()));
			if (date.isEmpty() || Dates.opensWithin(after.substring(date.get().start()))) {
				continue;
			}
			String rest = content.substring(word.end() + date.get().end());
			// A limit keeps the empty text before a leading separator: "meet Friday." has no clause after the day.
			String clause = rest.split("[.;]", 2)[0];
			Optional<LocalTime> time = Dates.time(clause.split("\\bfor\\b", 2)[0]);
			Matcher purpose = FOR_PURPOSE.matcher(Outline.plain(clause));
			int start = line.contentStart() + word.start();
			int end = line.contentStart() + word.end() + date.get().end();
			meet(meetings, new Meeting(date.get().date(), time.orElse(null),
					purpose.find() ? purpose.group(1).strip() : null, note.span(start, end)));
		}
	}

	/** One meeting per day: a later mention adds the time or purpose an earlier one lacked. */
	private static void meet(Map<LocalDate, Meeting> meetings, Meeting meeting) {
		meetings.merge(meeting.date(), meeting,
				(old, added) -> new Meeting(old.date(), old.time() != null ? old.time() : added.time(),
						old.purpose() != null ? old.purpose() : added.purpose(),
						old.time() == null && added.time() != null ? added.span() : old.span()));
	}

}
