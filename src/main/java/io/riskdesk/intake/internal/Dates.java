package io.riskdesk.intake.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as notes write them, absolute ("December 5, 2025", 2025-12-05, 12/05/2025) or relative to the note's date. */
final class Dates {

	private static final String MONTH = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";

	private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

	private static final Pattern US = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");

	private static final Pattern MONTH_DAY = Pattern
		.compile("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?");

	private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})\\s+" + MONTH + ",?\\s+(\\d{4})\\b");

	private static final Pattern WITHIN = Pattern.compile(
			"(?i)\\b(?:within|in)\\s+(\\d{1,4})\\s*[- ]?(hours?|hrs?|days?|business days?|weeks?)\\b");

	private static final Pattern DAY_WORD = Pattern
		.compile("(?i)\\b(?:(?:EOD|COB|end of (?:the )?day)\\s+)?(today|tonight|tomorrow|immediately)\\b");

	private static final Pattern WEEKDAY = Pattern
		.compile("\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b");

	private static final Pattern WITHIN_PHRASE = Pattern.compile("(?i)^(?:within|in)\\b");

	private static final Pattern TIME = Pattern.compile("(?i)\\b(\\d{1,2})(?::(\\d{2}))?\\s*([ap])\\.?m\\.?\\b");

	private Dates() {
	}

	/** A date found at {@code [start, end)} of the text searched. */
	record Found(LocalDate date, int start, int end) {
	}

	/** The first absolute date in the text; a date without a year is taken in the reference's year. */
	static Optional<Found> absolute(String text, LocalDate reference) {
		return earliest(text, reference, false);
	}

	/**
	 * The first due date in the text: absolute, or relative to {@code reference} ("within 24 hours",
	 * "by EOD tomorrow", "Friday"). A date without a year that would lie before the reference is next year's.
	 */
	static Optional<Found> due(String text, LocalDate reference) {
		return earliest(text, reference, true);
	}

	/** Whether the text opens with a span of time ("within 24 hours", "in 3 days") rather than a day. */
	static boolean opensWithin(String text) {
		return WITHIN_PHRASE.matcher(text).find();
	}

	static Optional<LocalTime> time(String text) {
		Matcher m = TIME.matcher(text);
		if (!m.find()) {
			return Optional.empty();
		}
		int hour = Integer.parseInt(m.group(1));
		if (hour < 1 || hour > 12) {
			return Optional.empty();
		}
		int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
		boolean pm = m.group(3).equalsIgnoreCase("p");
		return minute > 59 ? Optional.empty() : Optional.of(LocalTime.of(hour % 12 + (pm ? 12 : 0), minute));
	}

	private static Optional<Found> earliest(String text, LocalDate reference, boolean relative) {
		Found best = null;
		best = better(best, iso(text));
		best = better(best, us(text));
		best = better(best, monthDay(text, reference, relative));
		best = better(best, dayMonth(text));
		if (relative && reference != null) {
			best = better(best, within(text, reference));
			best = better(best, dayWord(text, reference));
			best = better(best, weekday(text, reference));
		}
		return Optional.ofNullable(best);
	}

	private static Found better(Found best, Found candidate) {
		return candidate != null && (best == null || candidate.start() < best.start()) ? candidate : best;
	}

	private static Found iso(String text) {
		Matcher m = ISO.matcher(text);
		while (m.find()) {
			LocalDate date = date(num(m.group(1)), num(m.group(2)), num(m.group(3)));
			if (date != null) {
				return new Found(date, m.start(), m.end());
			}
		}
		return null;
	}

	private static Found us(String text) {
		Matcher m = US.matcher(text);
		while (m.find()) {
			LocalDate date = date(num(m.group(3)), num(m.group(1)), num(m.group(2)));
			if (date != null) {
				return new Found(date, m.start(), m.end());
			}
		}
		return null;
	}

	private static Found monthDay(String text, LocalDate reference, boolean forward) {
		Matcher m = MONTH_DAY.matcher(text);
		while (m.find()) {
			int month = month(m.group(1));
			int day = num(m.group(2));
			LocalDate date;
			if (m.group(3) != null) {
				date = date(num(m.group(3)), month, day);
			}
			else if (reference != null) {
				date = date(reference.getYear(), month, day);
				if (forward && date != null && date.isBefore(reference)) {
					date = date(reference.getYear() + 1, month, day);
				}
			}
			else {
				date = null;
			}
			if (date != null) {
				return new Found(date, m.start(), m.end());
			}
		}
		return null;
	}

	private static Found dayMonth(String text) {
		Matcher m = DAY_MONTH.matcher(text);
		while (m.find()) {
			LocalDate date = date(num(m.group(3)), month(m.group(2)), num(m.group(1)));
			if (date != null) {
				return new Found(date, m.start(), m.end());
			}
		}
		return null;
	}

	private static Found within(String text, LocalDate reference) {
		Matcher m = WITHIN.matcher(text);
		if (!m.find()) {
			return null;
		}
		int amount = num(m.group(1));
		String unit = m.group(2).toLowerCase(Locale.ROOT);
		if (unit.startsWith("b")) {
			return new Found(plusBusinessDays(reference, amount), m.start(), m.end());
		}
		// Hours round up to whole days: "within 24 hours" of a note is due the next day.
		long days = unit.startsWith("h") ? (amount + 23) / 24 : unit.startsWith("w") ? 7L * amount : amount;
		return new Found(reference.plusDays(days), m.start(), m.end());
	}

	/**
	 * Counts Monday to Friday only. Holidays cannot be: the account, and with it its business calendar,
	 * is chosen at review, after reading.
	 */
	private static LocalDate plusBusinessDays(LocalDate from, int days) {
		LocalDate date = from;
		for (int left = days; left > 0;) {
			date = date.plusDays(1);
			if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
				left--;
			}
		}
		return date;
	}

	private static Found dayWord(String text, LocalDate reference) {
		Matcher m = DAY_WORD.matcher(text);
		if (!m.find()) {
			return null;
		}
		long days = m.group(1).equalsIgnoreCase("tomorrow") ? 1 : 0;
		return new Found(reference.plusDays(days), m.start(), m.end());
	}

	private static Found weekday(String text, LocalDate reference) {
		Matcher m = WEEKDAY.matcher(text);
		if (!m.find()) {
			return null;
		}
		DayOfWeek day = DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT));
		return new Found(reference.with(TemporalAdjusters.next(day)), m.start(), m.end());
	}

	private static int month(String name) {
		String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
		return "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(prefix) / 3 + 1;
	}

	private static int num(String digits) {
		return Integer.parseInt(digits);
	}

	private static LocalDate date(int year, int month, int day) {
		try {
			return LocalDate.of(year, month, day);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}
