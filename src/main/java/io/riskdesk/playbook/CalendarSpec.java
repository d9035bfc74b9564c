package io.riskdesk.playbook;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A business calendar as the playbook defines it: working hours per weekday as local
 * "HH:mm-HH:mm" windows (several per day for a split day; a weekday not listed has no working
 * time), public holidays of a country (and region) from jollyday, and extra closure days. The
 * time zone is always the account's; {@code holidayCountry} null means the account's country
 * (US when the account has none).
 */
public record CalendarSpec(Map<DayOfWeek, List<String>> hours, String holidayCountry, String holidayRegion,
		List<LocalDate> closures) {

	private static final Pattern WINDOW = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");

	private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

	/** Working time of one day from {@code startMinute} to {@code endMinute} (minutes after local midnight, end up to 1440). */
	public record Window(int startMinute, int endMinute) {

		public Window {
			if (startMinute < 0 || endMinute > 24 * 60 || startMinute >= endMinute) {
				throw new IllegalArgumentException("a window must start before it ends, within 00:00-24:00");
			}
		}

	}

	public CalendarSpec {
		if (hours == null || hours.isEmpty()) {
			throw new IllegalArgumentException("hours must name at least one weekday with working time");
		}
		if (holidayCountry != null && !COUNTRY.matcher(holidayCountry).matches()) {
			throw new IllegalArgumentException("holiday-country must be an ISO 3166 two-letter code such as US");
		}
		hours = Map.copyOf(hours);
		closures = closures == null ? List.of() : List.copyOf(closures);
		hours.forEach(CalendarSpec::parse);
	}

	/** The working windows of a weekday in order; empty when it has none. */
	public List<Window> windows(DayOfWeek day) {
		List<String> texts = hours.get(day);
		return texts == null ? List.of() : parse(day, texts);
	}

	/** Every weekday's windows, parsed once. */
	public Map<DayOfWeek, List<Window>> week() {
		Map<DayOfWeek, List<Window>> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			week.put(day, windows(day));
		}
		return week;
	}

	private static List<Window> parse(DayOfWeek day, List<String> texts) {
		List<Window> windows = new ArrayList<>();
		for (String text : texts == null ? List.<String>of() : texts) {
			Matcher m = text == null ? null : WINDOW.matcher(text.strip());
			if (m == null || !m.matches()) {
				throw new IllegalArgumentException("hours." + day + ": '" + text + "' must be a window such as 09:00-17:00");
			}
			int start = minutes(m.group(1), m.group(2));
			int end = minutes(m.group(3), m.group(4));
			try {
				windows.add(new Window(start, end));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("hours." + day + ": '" + text + "': " + ex.getMessage());
			}
		}
		windows.sort(Comparator.comparingInt(Window::startMinute));
		for (int i = 1; i < windows.size(); i++) {
			if (windows.get(i).startMinute() < windows.get(i - 1).endMinute()) {
				throw new IllegalArgumentException("hours." + day + ": windows overlap");
			}
		}
		return List.copyOf(windows);
	}

	private static int minutes(String hours, String minutes) {
		int h = Integer.parseInt(hours);
		int m = Integer.parseInt(minutes);
		if (h > 24 || m > 59 || (h == 24 && m != 0)) {
			return -1;
		}
		return h * 60 + m;
	}

}
