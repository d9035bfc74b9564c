package io.riskdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

import io.riskdesk.playbook.CalendarSpec.Window;

/**
 * Working time in one time zone: weekly windows of local wall-clock time, except on closed days
 * (public holidays and closures). Exact to the nanosecond; immutable and thread-safe.
 * <p>
 * A window's bounds are resolved like {@link java.time.ZonedDateTime}: a bound in a DST gap
 * moves forward by the gap, one in an overlap takes the earlier offset. So a 09:00-17:00 day
 * stays 8 hours across DST changes, and a window that spans a change counts the time that
 * really elapses (00:00-04:00 is 3 hours on the day clocks go forward). Working time starts
 * inclusive and ends exclusive: at 17:00 a 09:00-17:00 day is over.
 * <p>
 * The working time of each day is worked out once, a few hundred days at a time, so an
 * operation only walks the days it spans.
 */
public final class BusinessCalendar {

	/** Operations give up when they find no working time for this long: the calendar has none. */
	private static final int MAX_DAYS_WITHOUT_WORK = 2 * 366;

	private static final int SECONDS_PER_DAY = 86_400;

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private static final int BLOCK_DAYS = 512;

	private static final long[] NO_WORK = {};

	private final ZoneId zone;

	private final ZoneRules rules;

	private final Map<DayOfWeek, List<Window>> week = new EnumMap<>(DayOfWeek.class);

	private final Predicate<LocalDate> closed;

	private final ConcurrentMap<Long, Block> blocks = new ConcurrentHashMap<>();

	/** The block used last, as most operations stay within one; sharing it unsynchronized is safe as a block is immutable. */
	private Block lastBlock;

	/**
	 * @param zone the zone of the windows and of the closed days
	 * @param week the working windows of each weekday, in minutes after local midnight; a weekday
	 * without windows has no working time
	 * @param closed whether a local date has no working time at all (holidays, closures)
	 */
	public BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Window>> week, Predicate<LocalDate> closed) {
		this.zone = Objects.requireNonNull(zone, "zone");
		this.rules = zone.getRules();
		this.closed = Objects.requireNonNull(closed, "closed");
		for (DayOfWeek day : DayOfWeek.values()) {
			this.week.put(day, List.copyOf(week.getOrDefault(day, List.of())));
		}
	}

	/**
	 * The instant at which {@code businessTime} has elapsed since {@code start}. The clock starts
	 * at {@link #nextBusinessMoment(Instant) the next business moment}, so zero gives that moment,
	 * and time that uses up a window exactly ends at its closing: Friday 13:00 plus 4 hours is
	 * Friday 17:00 on a 09:00-17:00 calendar, the due time a customer expects.
	 * @throws IllegalArgumentException if {@code businessTime} is negative
	 * @throws IllegalStateException if the calendar runs out of working time
	 */
	public Instant plus(Instant start, Duration businessTime) {
		if (businessTime.isNegative()) {
			throw new IllegalArgumentException("business time must not be negative: " + businessTime);
		}
		return advance(start, businessTime.toNanos());
	}

	/**
	 * The same point of the working day {@code days} working days later, a working day being a day
	 * with working time. The point is the business time worked that day until
	 * {@link #nextBusinessMoment(Instant) the next business moment} of {@code start}: on a Monday to
	 * Friday 09:00-17:00 calendar Friday 15:00 plus one day is Monday 15:00, Saturday 10:00 (so
	 * Monday 09:00) plus one day is Tuesday 09:00. On a target day with less working time than
	 * that, the result is the end of its working time (not a business moment). Zero days gives the
	 * next business moment.
	 * @throws IllegalArgumentException if {@code days} is negative
	 * @throws IllegalStateException if the calendar runs out of working time
	 */
	public Instant plusBusinessDays(Instant start, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("business days must not be negative: " + days);
		}
		Instant from = nextBusinessMoment(start);
		long day = localDay(from);
		Duration worked = between(Instant.ofEpochSecond(workingTime(day)[0]), from);
		for (int i = 0; i < days; i++) {
			day = workingDayFrom(day + 1);
		}
		long[] work = workingTime(day);
		Instant dayStart = Instant.ofEpochSecond(work[0]);
		Instant dayEnd = Instant.ofEpochSecond(work[work.length - 1]);
		// Landing on a window's closing mid-day (a split day's lunch) means the next opening.
		return between(dayStart, dayEnd).compareTo(worked) > 0 ? nextBusinessMoment(plus(dayStart, worked)) : dayEnd;
	}

	/** The business time from {@code from} to {@code to}; zero unless {@code to} is after {@code from}. */
	public Duration between(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		long fromSecond = from.getEpochSecond();
		long toSecond = to.getEpochSecond();
		long seconds = 0;
		long nanos = 0;
		for (long day = localDay(from), last = localDay(to); day <= last; day++) {
			long[] work = workingTime(day);
			for (int i = 0; i < work.length; i += 2) {
				seconds += Math.max(0, Math.min(work[i + 1], toSecond) - Math.max(work[i], fromSecond));
				// Working time changes on whole seconds: the second of an end is worked entirely or not at all.
				if (work[i] <= fromSecond && fromSecond < work[i + 1]) {
					nanos -= from.getNano();
				}
				if (work[i] <= toSecond && toSecond < work[i + 1]) {
					nanos += to.getNano();
				}
			}
		}
		return Duration.ofSeconds(seconds, nanos);
	}

	/**
	 * {@code t} itself within working time, else the start of the next working window.
	 * @throws IllegalStateException if the calendar runs out of working time
	 */
	public Instant nextBusinessMoment(Instant t) {
		return advance(t, 0);
	}

	/**
	 * The end of the working day of {@link #nextBusinessMoment(Instant) the next business moment}:
	 * "the same day" of a promise made during working hours, the next working day's end when
	 * made after them.
	 * @throws IllegalStateException if the calendar runs out of working time
	 */
	public Instant endOfBusinessDay(Instant t) {
		long[] work = workingTime(localDay(nextBusinessMoment(t)));
		return Instant.ofEpochSecond(work[work.length - 1]);
	}

	/**
	 * The end of the working day of {@code date} in this calendar's zone, or of the next working
	 * day when {@code date} has no working time: when a milestone due that day falls due.
	 * @throws IllegalStateException if the calendar runs out of working time
	 */
	public Instant endOfBusinessDay(LocalDate date) {
		return endOfBusinessDay(date.atStartOfDay(zone).toInstant());
	}

	/**
	 * The first day after {@code date} with working time.
	 * @throws IllegalStateException if the calendar runs out of working time
	 */
	public LocalDate nextBusinessDay(LocalDate date) {
		return LocalDate.ofEpochDay(workingDayFrom(date.toEpochDay() + 1));
	}

	private Instant advance(Instant start, long nanos) {
		long second = start.getEpochSecond();
		long nano = start.getNano();
		for (long day = workingDayFrom(localDay(start));; day = workingDayFrom(day + 1)) {
			long[] work = workingTime(day);
			for (int i = 0; i < work.length; i += 2) {
				if (work[i + 1] <= second) {
					continue;
				}
				if (work[i] > second) {
					second = work[i];
					nano = 0;
				}
				long available = (work[i + 1] - second) * NANOS_PER_SECOND - nano;
				if (nanos <= available) {
					return Instant.ofEpochSecond(second, nano + nanos);
				}
				nanos -= available;
			}
		}
	}

	private long localDay(Instant t) {
		return Math.floorDiv(t.getEpochSecond() + rules.getOffset(t).getTotalSeconds(), SECONDS_PER_DAY);
	}

	private long workingDayFrom(long day) {
		for (long d = day; d < day + MAX_DAYS_WITHOUT_WORK; d++) {
			if (workingTime(d).length > 0) {
				return d;
			}
		}
		throw new IllegalStateException("No working time in the " + MAX_DAYS_WITHOUT_WORK + " days from "
				+ LocalDate.ofEpochDay(day) + " in " + zone + ": every day is closed or has no working hours");
	}

	/** The working time of a local day (in days since 1970-01-01) as sorted, disjoint [start, end) epoch-second pairs. */
	private long[] workingTime(long day) {
		Block block = lastBlock;
		if (block == null || !block.holds(day)) {
			block = blocks.computeIfAbsent(Math.floorDiv(day, BLOCK_DAYS), this::block);
			lastBlock = block;
		}
		return block.days()[(int) (day - block.firstDay())];
	}

	private Block block(long number) {
		long firstDay = number * BLOCK_DAYS;
		long[][] days = new long[BLOCK_DAYS][];
		for (int i = 0; i < BLOCK_DAYS; i++) {
			days[i] = workingTime(LocalDate.ofEpochDay(firstDay + i));
		}
		return new Block(firstDay, days);
	}

	private long[] workingTime(LocalDate date) {
		List<Window> windows = week.get(date.getDayOfWeek());
		if (windows.isEmpty() || closed.test(date)) {
			return NO_WORK;
		}
		// Bounds moved forward by a DST gap can make windows meet, overlap or vanish.
		long[][] spans = windows.stream()
			.map(window -> new long[] { epochSecond(date, window.startMinute()), epochSecond(date, window.endMinute()) })
			.filter(span -> span[0] < span[1])
			.sorted(Comparator.comparingLong(span -> span[0]))
			.toArray(long[][]::new);
		long[] merged = new long[2 * spans.length];
		int n = 0;
		for (long[] span : spans) {
			if (n > 0 && span[0] <= merged[n - 1]) {
				merged[n - 1] = Math.max(merged[n - 1], span[1]);
			}
			else {
				merged[n++] = span[0];
				merged[n++] = span[1];
			}
		}
		return Arrays.copyOf(merged, n);
	}

	private long epochSecond(LocalDate date, int minute) {
		return date.atStartOfDay().plusMinutes(minute).atZone(zone).toEpochSecond();
	}

	/** The working time of {@link #BLOCK_DAYS} consecutive days. */
	private record Block(long firstDay, long[][] days) {

		boolean holds(long day) {
			return day >= firstDay && day < firstDay + BLOCK_DAYS;
		}

	}

}
