package io.riskdesk.intake.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Dates as people write them: absolute ("December 5, 2025", "6 March", 2025-12-05, 6/3) or relative to the date
 * of the message that says them ("tomorrow", "next Tuesday", "within 48 hours", "end of month", "Q1"). A date the
 * words leave open ("6/3" with no hint of the writer's order, "next Tuesday" early in a week) is proposed with its
 * other readings, never silently decided.
 */
final class Dates {

	/** How the document writes numeric dates: 6/3 is 6 March day first, 3 June month first. */
	enum Order {
		DAY_FIRST, MONTH_FIRST, UNKNOWN
	}

	/**
	 * When a message was written: its day, where known its time and zone ("within 4 hours" counts from them), and the
	 * document's numeric date order.
	 */
	record Reference(LocalDate date, LocalTime time, ZoneId zone, Order order) {

		/** No day to count from, only the document's order: reads a document's own date line. */
		static Reference undated(Order order) {
			return new Reference(null, null, null, order);
		}

		static Reference on(LocalDate date) {
			return date == null ? null : new Reference(date, null, null, Order.UNKNOWN);
		}

		Reference withOrder(Order newOrder) {
			return new Reference(date, time, zone, newOrder);
		}

	}

	/** A date found at {@code [start, end)} of the text searched, with the other dates the words could mean. */
	record Found(LocalDate date, int start, int end, List<LocalDate> alternatives) {

		Found(LocalDate date, int start, int end) {
			this(date, start, end, List.of());
		}

	}

	private static final String MONTH = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";

	private static final String ORDINAL = "(?:st|nd|rd|th)?";

	private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

	/** 6/3, 06/03/2026, 3.6.2026; "24/7" and fractions of larger numbers are not dates. */
	private static final Pattern NUMERIC = Pattern
		.compile("(?<![\\d/.,$€£])(\\d{1,2})([/.])(\\d{1,2})(?:\\2(\\d{4}|\\d{2}))?(?![\\d/%]|\\.\\d)");

	private static final Pattern MONTH_DAY = Pattern
		.compile("\\b" + MONTH + "\\s+(\\d{1,2})" + ORDINAL + "\\b(?:,?\\s+(\\d{4})\\b)?");

	private static final Pattern DAY_MONTH = Pattern
		.compile("\\b(\\d{1,2})" + ORDINAL + "\\s+(?:of\\s+)?" + MONTH + "(?:,?\\s+(\\d{4})\\b)?");

	private static final Pattern QUARTER = Pattern.compile("\\bQ([1-4])(?:\\s*'?\\s*(\\d{4}|\\d{2}))?\\b");

	private static final String COUNT = "(\\d{1,4}|an?|a couple of|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";

	private static final Pattern WITHIN = Pattern.compile("(?i)\\b(?:within|in)\\s+(?:the\\s+next\\s+)?" + COUNT
			+ "\\s*[- ]?(hours?|hrs?|days?|business days?|working days?|weeks?|months?)\\b");

	/** "now" dates a task only when it ends it ("rotate the tokens now"); "it is now blocking" is no deadline. */
	private static final Pattern DAY_WORD = Pattern
		.compile("(?i)\\b(?:(?:EOD|COB|end of (?:the )?day)\\s+)?(today|tonight|tomorrow|immediately|(?:right )?now(?=[\\s.!;,)]*$))\\b");

	private static final String WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri";

	/** EOD on its own is the message's day; "EOD Friday" is Friday's. */
	private static final Pattern END_OF_DAY = Pattern
		.compile("\\b(?:EOD|COB|EOB)\\b(?!\\s+(?:today|tonight|tomorrow|" + WEEKDAYS + ")\\b)");

	private static final Pattern WEEKDAY = Pattern
		.compile("\\b(?:(?i:(this|next|coming))\\s+)?(" + WEEKDAYS + ")\\b(?!,?\\s+(?:\\d{1,2}\\b|" + MONTH + "))");

	private static final Pattern END_OF = Pattern.compile(
			"(?i)\\b(?:(?:by |at )?the )?end of (?:the |this )?(next )?(week|month|quarter|year)\\b|\\b(EOW|EOM|EOQ|EOY)\\b|\\b(month|quarter|year)[- ]end\\b");

	private static final Pattern WITHIN_PHRASE = Pattern.compile("(?i)^(?:within|in)\\b");

	private static final Pattern TIME = Pattern.compile("(?i)\\b(\\d{1,2})(?::(\\d{2}))?\\s*([ap])\\.?m\\.?\\b");

	private static final Pattern CLOCK = Pattern.compile("\\b([01]?\\d|2[0-3]):([0-5]\\d)(?::[0-5]\\d)?\\b(?!\\s*[ap]\\.?m)");

	private static final Pattern ZONE = Pattern.compile("(?<![\\w:])(?:([+-])(\\d{2}):?(\\d{2})\\b|(UTC|GMT|BST|CET|CEST|EET|EEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT)\\b)");

	/** Abbreviations name the region whose clocks they are, so elapsed hours cross its DST changes correctly. */
	private static final Map<String, ZoneId> ZONES = Map.ofEntries(Map.entry("UTC", ZoneOffset.UTC),
			Map.entry("GMT", ZoneId.of("Europe/London")), Map.entry("BST", ZoneId.of("Europe/London")),
			Map.entry("CET", ZoneId.of("Europe/Paris")), Map.entry("CEST", ZoneId.of("Europe/Paris")),
			Map.entry("EET", ZoneId.of("Europe/Helsinki")), Map.entry("EEST", ZoneId.of("Europe/Helsinki")),
			Map.entry("EST", ZoneId.of("America/New_York")), Map.entry("EDT", ZoneId.of("America/New_York")),
			Map.entry("CST", ZoneId.of("America/Chicago")), Map.entry("CDT", ZoneId.of("America/Chicago")),
			Map.entry("MST", ZoneId.of("America/Denver")), Map.entry("MDT", ZoneId.of("America/Denver")),
			Map.entry("PST", ZoneId.of("America/Los_Angeles")), Map.entry("PDT", ZoneId.of("America/Los_Angeles")));

	private static final Pattern DAY_FIRST_HINT = Pattern
		.compile("(?i)\\bdd[/.-]mm\\b|\\bday[- ]first\\b|\\b(?:UK|British|European) date|From:.*@[\\w.-]+\\.(?:uk|de|fr|it|es|nl|be|ch|at|se|no|dk|fi|ie|pt|pl|cz|au|nz|in)\\b");

	private static final Pattern MONTH_FIRST_HINT = Pattern.compile("(?i)\\bmm[/.-]dd\\b|\\bmonth[- ]first\\b");

	private Dates() {
	}

	/**
	 * The document's numeric date order: stated ("dd/mm"), shown by a numeric date only one order can read
	 * (13/03/2026), or hinted by a European sender; else unknown.
	 */
	static Order order(String text) {
		if (MONTH_FIRST_HINT.matcher(text).find()) {
			return Order.MONTH_FIRST;
		}
		Matcher m = NUMERIC.matcher(text);
		boolean dayFirst = false;
		boolean monthFirst = false;
		while (m.find()) {
			int first = num(m.group(1));
			int second = num(m.group(3));
			dayFirst |= m.group(2).equals(".") || first > 12 && second <= 12;
			monthFirst |= m.group(2).equals("/") && second > 12 && first <= 12 && first >= 1;
		}
		if (dayFirst != monthFirst) {
			return dayFirst ? Order.DAY_FIRST : Order.MONTH_FIRST;
		}
		return DAY_FIRST_HINT.matcher(text).find() ? Order.DAY_FIRST : Order.UNKNOWN;
	}

	/** The first absolute date in the text; a date without a year is taken in the year that puts it nearest the reference. */
	static Optional<Found> absolute(String text, Reference reference) {
		return earliest(text, reference, false);
	}

	/**
	 * The first due date in the text: absolute, or relative to {@code reference} ("within 24 hours",
	 * "by EOD tomorrow", "Friday"). A date without a year that would lie before the reference is next year's.
	 */
	static Optional<Found> due(String text, Reference reference) {
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

	/** A time of day as a header or timestamp writes it: 10:02, 23:10:00, 9:15 PM. */
	static Optional<LocalTime> clock(String text) {
		Optional<LocalTime> twelveHour = time(text);
		if (twelveHour.isPresent()) {
			return twelveHour;
		}
		Matcher m = CLOCK.matcher(text);
		return m.find() ? Optional.of(LocalTime.of(num(m.group(1)), num(m.group(2)))) : Optional.empty();
	}

	/** The zone a header states: an offset (+0100) or an abbreviation (CET, EST). */
	static Optional<ZoneId> zone(String text) {
		Matcher m = ZONE.matcher(text);
		if (!m.find()) {
			return Optional.empty();
		}
		if (m.group(4) != null) {
			return Optional.of(ZONES.get(m.group(4)));
		}
		int hours = num(m.group(2));
		int minutes = num(m.group(3));
		if (hours > 14 || minutes > 59) {
			return Optional.empty();
		}
		int sign = m.group(1).equals("-") ? -1 : 1;
		return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
	}

	private static Optional<Found> earliest(String text, Reference reference, boolean relative) {
		Stream<Found> absolute = Stream.of(iso(text), numeric(text, reference, relative),
				monthDay(text, reference, relative), dayMonth(text, reference, relative), quarter(text, reference));
		Stream<Found> found = relative && reference != null && reference.date() != null
				? Stream.concat(absolute, Stream.of(within(text, reference), dayWord(text, reference),
						endOfDay(text, reference), weekday(text, reference), endOf(text, reference)))
				: absolute;
		// The first in the text; of two starting together, the longer ("EOD Friday", not "Friday").
		return found.filter(f -> f != null)
			.min(Comparator.comparingInt(Found::start).thenComparing(Comparator.comparingInt(Found::end).reversed()));
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

	private static Found numeric(String text, Reference reference, boolean forward) {
		Matcher m = NUMERIC.matcher(text);
		while (m.find()) {
			int first = num(m.group(1));
			int second = num(m.group(3));
			boolean dotted = m.group(2).equals(".");
			if (dotted && m.group(4) == null || first == 24 && second == 7) {
				continue; // 1.5 is a number, 24/7 a service level
			}
			Integer year = m.group(4) == null ? null : m.group(4).length() == 2 ? 2000 + num(m.group(4)) : num(m.group(4));
			LocalDate monthFirst = inYear(year, first, second, reference, forward);
			LocalDate dayFirst = inYear(year, second, first, reference, forward);
			Order order = dotted ? Order.DAY_FIRST : reference == null ? Order.UNKNOWN : reference.order();
			Found found = choose(monthFirst, dayFirst, order, m.start(), m.end());
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	/** The reading the document's order gives; with no order, the month-first reading proposed and the other kept. */
	private static Found choose(LocalDate monthFirst, LocalDate dayFirst, Order order, int start, int end) {
		if (monthFirst == null || dayFirst == null || monthFirst.equals(dayFirst)) {
			LocalDate only = monthFirst != null ? monthFirst : dayFirst;
			return only == null ? null : new Found(only, start, end);
		}
		return switch (order) {
			case DAY_FIRST -> new Found(dayFirst, start, end);
			case MONTH_FIRST -> new Found(monthFirst, start, end);
			case UNKNOWN -> new Found(monthFirst, start, end, List.of(dayFirst));
		};
	}

	private static Found monthDay(String text, Reference reference, boolean forward) {
		Matcher m = MONTH_DAY.matcher(text);
		while (m.find()) {
			Integer year = m.group(3) == null ? null : num(m.group(3));
			LocalDate date = inYear(year, month(m.group(1)), num(m.group(2)), reference, forward);
			if (date != null) {
				return new Found(date, m.start(), m.end());
			}
		}
		return null;
	}

	private static Found dayMonth(String text, Reference reference, boolean forward) {
		Matcher m = DAY_MONTH.matcher(text);
		while (m.find()) {
			Integer year = m.group(3) == null ? null : num(m.group(3));
			LocalDate date = inYear(year, month(m.group(2)), num(m.group(1)), reference, forward);
			if (date != null) {
				return new Found(date, m.start(), m.end());
			}
		}
		return null;
	}

	/**
	 * A day written without a year. A due date is the next such day on or after the reference ("Jan 5" written in
	 * December is next January); any other date is the one nearest the reference.
	 */
	private static LocalDate inYear(Integer year, int month, int day, Reference reference, boolean forward) {
		if (year != null) {
			return date(year, month, day);
		}
		if (reference == null || reference.date() == null) {
			return null;
		}
		LocalDate on = reference.date();
		LocalDate best = null;
		for (int y = on.getYear() - (forward ? 0 : 1); y <= on.getYear() + 1; y++) {
			LocalDate candidate = date(y, month, day);
			if (candidate == null || forward && candidate.isBefore(on)) {
				continue;
			}
			if (best == null || Math.abs(ChronoUnit.DAYS.between(on, candidate)) < Math.abs(ChronoUnit.DAYS.between(on, best))) {
				best = candidate;
			}
		}
		return best;
	}

	/** "Q1" is the quarter's last day: the next such quarter end on or after the reference unless a year is given. */
	private static Found quarter(String text, Reference reference) {
		Matcher m = QUARTER.matcher(text);
		while (m.find()) {
			int quarter = num(m.group(1));
			Integer year = m.group(2) == null ? null : m.group(2).length() == 2 ? 2000 + num(m.group(2)) : num(m.group(2));
			if (year == null && (reference == null || reference.date() == null)) {
				continue;
			}
			int y = year != null ? year : reference.date().getYear();
			LocalDate end = LocalDate.of(y, quarter * 3, 1).with(TemporalAdjusters.lastDayOfMonth());
			if (year == null && end.isBefore(reference.date())) {
				end = end.plusYears(1).with(TemporalAdjusters.lastDayOfMonth());
			}
			return new Found(end, m.start(), m.end());
		}
		return null;
	}

	private static Found within(String text, Reference reference) {
		Matcher m = WITHIN.matcher(text);
		if (!m.find()) {
			return null;
		}
		int amount = count(m.group(1));
		String unit = m.group(2).toLowerCase(Locale.ROOT);
		LocalDate on = reference.date();
		LocalDate date;
		if (unit.startsWith("b") || unit.startsWith("wo")) {
			date = plusBusinessDays(on, amount);
		}
		else if (unit.startsWith("h")) {
			date = plusHours(reference, amount);
		}
		else if (unit.startsWith("w")) {
			date = on.plusWeeks(amount);
		}
		else if (unit.startsWith("m")) {
			date = on.plusMonths(amount);
		}
		else {
			date = on.plusDays(amount);
		}
		return new Found(date, m.start(), m.end());
	}

	/**
	 * Hours elapse from the message's time, in its zone (so across a DST change a day may have 23 or 25 hours);
	 * with no time known they round up to whole days: "within 24 hours" of a note is due the next day.
	 */
	private static LocalDate plusHours(Reference reference, int hours) {
		if (reference.time() == null) {
			return reference.date().plusDays((hours + 23) / 24);
		}
		ZoneId zone = reference.zone() != null ? reference.zone() : ZoneOffset.UTC;
		return ZonedDateTime.of(reference.date(), reference.time(), zone).plusHours(hours).toLocalDate();
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

	private static Found dayWord(String text, Reference reference) {
		Matcher m = DAY_WORD.matcher(text);
		if (!m.find()) {
			return null;
		}
		long days = m.group(1).equalsIgnoreCase("tomorrow") ? 1 : 0;
		return new Found(reference.date().plusDays(days), m.start(), m.end());
	}

	private static Found endOfDay(String text, Reference reference) {
		Matcher m = END_OF_DAY.matcher(text);
		return m.find() ? new Found(reference.date(), m.start(), m.end()) : null;
	}

	/**
	 * "Friday" and "coming Friday" are the next Friday after the message's day, "this Friday" the one on or after
	 * it. "Next Tuesday" is the Tuesday of next week; said early in a week it may also mean this week's, so then
	 * this week's is kept as the other reading.
	 */
	private static Found weekday(String text, Reference reference) {
		Matcher m = WEEKDAY.matcher(text);
		while (m.find()) {
			DayOfWeek day = weekday(m.group(2));
			if (day == null) {
				continue;
			}
			LocalDate on = reference.date();
			String which = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
			if (which.equals("this")) {
				return new Found(on.with(TemporalAdjusters.nextOrSame(day)), m.start(), m.end());
			}
			LocalDate coming = on.with(TemporalAdjusters.next(day));
			if (!which.equals("next")) {
				return new Found(coming, m.start(), m.end());
			}
			LocalDate nextWeek = on.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).with(TemporalAdjusters.nextOrSame(day));
			return nextWeek.equals(coming) ? new Found(coming, m.start(), m.end())
					: new Found(nextWeek, m.start(), m.end(), List.of(coming));
		}
		return null;
	}

	/**
	 * End of the week is its Friday, of the month, quarter or year their last day; "end of next week" is next
	 * week's Friday.
	 */
	private static Found endOf(String text, Reference reference) {
		Matcher m = END_OF.matcher(text);
		if (!m.find()) {
			return null;
		}
		boolean next = m.group(1) != null;
		String unit = (m.group(2) != null ? m.group(2) : m.group(3) != null ? switch (m.group(3).toUpperCase(Locale.ROOT)) {
			case "EOW" -> "week";
			case "EOM" -> "month";
			case "EOQ" -> "quarter";
			default -> "year";
		} : m.group(4)).toLowerCase(Locale.ROOT);
		LocalDate on = reference.date();
		LocalDate date = switch (unit) {
			case "week" -> (next ? on.with(TemporalAdjusters.next(DayOfWeek.MONDAY)) : on.with(DayOfWeek.MONDAY))
				.plusDays(4);
			case "month" -> (next ? on.plusMonths(1) : on).with(TemporalAdjusters.lastDayOfMonth());
			case "quarter" -> {
				LocalDate in = next ? on.plusMonths(3) : on;
				yield in.withMonth(in.get(IsoFields.QUARTER_OF_YEAR) * 3).with(TemporalAdjusters.lastDayOfMonth());
			}
			default -> (next ? on.plusYears(1) : on).with(TemporalAdjusters.lastDayOfYear());
		};
		return new Found(date, m.start(), m.end());
	}

	private static DayOfWeek weekday(String name) {
		String prefix = name.substring(0, 3).toUpperCase(Locale.ROOT);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.name().startsWith(prefix)) {
				return day;
			}
		}
		return null;
	}

	private static int count(String words) {
		String word = words.toLowerCase(Locale.ROOT);
		if (Character.isDigit(word.charAt(0))) {
			return num(word);
		}
		return switch (word) {
			case "a", "an", "one" -> 1;
			case "a couple of", "two" -> 2;
			default -> List.of("three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
				.indexOf(word) + 3;
		};
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
