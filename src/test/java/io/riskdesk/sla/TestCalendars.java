package io.riskdesk.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.riskdesk.playbook.CalendarSpec;
import io.riskdesk.playbook.CalendarSpec.Window;

/** The inputs of business calendars in tests and in bench/, made as in production: playbook windows, jollyday holidays. */
public final class TestCalendars {

	public static final Set<DayOfWeek> MONDAY_TO_FRIDAY = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

	public static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

	private static final Holidays holidays = new Holidays();

	private TestCalendars() {
	}

	/** The same windows, such as "09:00-17:00", on each of {@code days}. */
	public static Map<DayOfWeek, List<Window>> week(Set<DayOfWeek> days, String... windows) {
		Map<DayOfWeek, List<String>> hours = new EnumMap<>(DayOfWeek.class);
		days.forEach(day -> hours.put(day, List.of(windows)));
		return week(hours);
	}

	/** Windows per weekday as the playbook writes them. */
	public static Map<DayOfWeek, List<Window>> week(Map<DayOfWeek, List<String>> hours) {
		return new CalendarSpec(hours, null, null, null).week();
	}

	/** The public holidays of an ISO country, such as US. */
	public static Predicate<LocalDate> holidays(String country) {
		return holidays.of(country, null);
	}

}
