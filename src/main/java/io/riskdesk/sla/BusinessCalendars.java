package io.riskdesk.sla;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.riskdesk.playbook.CalendarSpec;
import io.riskdesk.playbook.Playbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** The business calendars of accounts, built from the playbook's calendars and kept once built. */
@Component
public class BusinessCalendars {

	private static final Logger log = LoggerFactory.getLogger(BusinessCalendars.class);

	/** The holiday country of an account that has none. */
	private static final String DEFAULT_COUNTRY = "US";

	private final Playbook playbook;

	private final Holidays holidays = new Holidays();

	private final Map<Key, BusinessCalendar> calendars = new ConcurrentHashMap<>();

	public BusinessCalendars(Playbook playbook) {
		this.playbook = playbook;
		// A holiday country or region the playbook names must exist: fail at start-up, not on a risk.
		playbook.calendars().forEach((name, spec) -> {
			if (spec.holidayCountry() != null) {
				holidays.of(spec.holidayCountry(), spec.holidayRegion());
			}
		});
	}

	/**
	 * The playbook calendar {@code calendarName} (null for the default one) in the account's zone,
	 * closed on its closures and on the public holidays of its holiday country, else of the
	 * account's country, else of the US.
	 * @throws IllegalArgumentException if the playbook has no such calendar or jollyday does not know the country
	 */
	public BusinessCalendar forAccount(String calendarName, ZoneId zone, String accountCountry) {
		String name = calendarName == null ? Playbook.DEFAULT_CALENDAR : calendarName;
		CalendarSpec spec = playbook.calendar(name);
		if (spec == null) {
			throw new IllegalArgumentException(
					"No business calendar '" + name + "' in the playbook; it has " + playbook.calendars().keySet());
		}
		String country = spec.holidayCountry() != null ? spec.holidayCountry()
				: accountCountry != null ? accountCountry : DEFAULT_COUNTRY;
		return calendars.computeIfAbsent(new Key(name, zone, country.toUpperCase(Locale.ROOT)), key -> {
			Set<LocalDate> closures = Set.copyOf(spec.closures());
			Predicate<LocalDate> closed = closures::contains;
			// jollyday does not know every country; an account there counts without public holidays.
			if (spec.holidayCountry() != null || holidays.knows(key.country())) {
				closed = holidays.of(key.country(), spec.holidayRegion()).or(closed);
			}
			else {
				log.warn("jollyday has no public holidays for {}: accounts there count business time without them",
						key.country());
			}
			return new BusinessCalendar(zone, spec.week(), closed);
		});
	}

	private record Key(String calendarName, ZoneId zone, String country) {
	}

}
