package io.riskdesk.sla;

import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Public holidays of a country, and optionally one of its regions, from jollyday, on the day they
 * are observed (a Sunday Christmas is off on Monday). Worked out once per year; thread-safe.
 */
class Holidays {

	/**
	 * jollyday finds its calendar data source through a ServiceLoader when a manager is first made,
	 * which fails now and then when two threads make one at once ("no implementations"): SLA checks
	 * firing together at start-up did. Managers are made one at a time.
	 */
	private static final Object JOLLYDAY = new Object();

	private final Map<String, HolidayManager> managers = new ConcurrentHashMap<>();

	private final Map<Key, Set<LocalDate>> years = new ConcurrentHashMap<>();

	/**
	 * The test whether a date is a holiday of {@code country} (ISO 3166, e.g. US) and of
	 * {@code region} (jollyday's code, e.g. ny; null for the country's holidays only).
	 * @throws IllegalArgumentException for a country or region jollyday does not know
	 */
	Predicate<LocalDate> of(String country, String region) {
		String code = country.toUpperCase(Locale.ROOT);
		String area = region == null ? null : region.toLowerCase(Locale.ROOT);
		Set<String> areas = manager(code).getCalendarHierarchy().getChildren().keySet();
		if (area != null && !areas.contains(area)) {
			throw new IllegalArgumentException("Unknown holiday region '" + region + "' of " + code + "; known: " + areas);
		}
		return date -> years.computeIfAbsent(new Key(code, area, date.getYear()), this::observed).contains(date);
	}

	/** Whether jollyday has a holiday calendar for this ISO country. */
	boolean knows(String country) {
		return HolidayManager.getSupportedCalendarCodes().contains(country.toUpperCase(Locale.ROOT));
	}

	private Set<LocalDate> observed(Key key) {
		HolidayManager manager = manager(key.country());
		String[] regions = key.region() == null ? new String[0] : new String[] { key.region() };
		// A holiday can be observed in the year before or after its own: New Year's Day 2028 on 2027-12-31.
		return IntStream.rangeClosed(key.year() - 1, key.year() + 1)
			.mapToObj(year -> manager.getHolidays(Year.of(year), regions))
			.flatMap(Set::stream)
			.map(Holiday::getDate)
			.filter(date -> date.getYear() == key.year())
			.collect(Collectors.toUnmodifiableSet());
	}

	private HolidayManager manager(String country) {
		return managers.computeIfAbsent(country, code -> {
			if (!HolidayManager.getSupportedCalendarCodes().contains(code)) {
				throw new IllegalArgumentException("Unknown holiday country '" + code + "': jollyday has no calendar for it");
			}
			synchronized (JOLLYDAY) {
				return HolidayManager.getInstance(ManagerParameters.create(code));
			}
		});
	}

	private record Key(String country, String region, int year) {
	}

}
