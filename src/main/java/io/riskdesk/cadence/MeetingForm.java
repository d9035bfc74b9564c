package io.riskdesk.cadence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.riskdesk.core.InvalidFieldException;

/**
 * The record-a-meeting form of the cadence panel as the page posts it: the time it was held in the
 * account's zone, attendees and decisions one per line (attendees may also be comma-separated),
 * and rows of action items, of which blank ones are left out. Kept to show again after a refusal.
 */
record MeetingForm(String heldAt, String attendees, String notes, String decisions, List<String> actionTitle,
		List<String> actionOwner, List<String> actionDue) {

	/** Rows of action items the form offers. */
	static final int ACTION_ROWS = 3;

	static MeetingForm empty() {
		return new MeetingForm(null, null, null, null, List.of(), List.of(), List.of());
	}

	NewMeeting toMeeting(ZoneId zone) {
		List<NewMeeting.ActionItem> items = new ArrayList<>();
		for (int row = 0; row < rows(); row++) {
			String title = at(actionTitle, row);
			String owner = at(actionOwner, row);
			String due = at(actionDue, row);
			if (title.isBlank() && owner.isBlank() && due.isBlank()) {
				continue;
			}
			items.add(new NewMeeting.ActionItem(title, owner, date("actionItems[" + items.size() + "].due", due)));
		}
		return new NewMeeting(held(zone), null, lines(attendees, "[\\n,]"), notes, lines(decisions, "\\n"), items);
	}

	/** The action item of a row as typed, for the form shown again. */
	public String title(int row) {
		return at(actionTitle, row);
	}

	public String owner(int row) {
		return at(actionOwner, row);
	}

	public String due(int row) {
		return at(actionDue, row);
	}

	private int rows() {
		return Math.max(size(actionTitle), Math.max(size(actionOwner), size(actionDue)));
	}

	private Instant held(ZoneId zone) {
		if (heldAt == null || heldAt.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(heldAt.strip()).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFieldException("heldAt", "must be a date and time such as 2026-12-01T15:00");
		}
	}

	private static LocalDate date(String field, String text) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFieldException(field, "must be a date such as 2026-12-31");
		}
	}

	private static List<String> lines(String text, String separator) {
		return text == null ? List.of()
				: Arrays.stream(text.split(separator)).map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

	private static String at(List<String> values, int row) {
		return values == null || row >= values.size() || values.get(row) == null ? "" : values.get(row);
	}

	private static int size(List<String> values) {
		return values == null ? 0 : values.size();
	}

}
