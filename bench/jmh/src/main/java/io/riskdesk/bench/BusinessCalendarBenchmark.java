package io.riskdesk.bench;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.riskdesk.playbook.CalendarSpec.Window;
import io.riskdesk.sla.BusinessCalendar;
import io.riskdesk.sla.MinuteSteppingCalendar;
import io.riskdesk.sla.TestCalendars;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * An S1 deadline: {@code plus(start, 4 business hours)} on a Monday to Friday 09:00-17:00 calendar
 * in New York with US holidays, from random starts in 2026-2027 (nights and weekends included),
 * by {@link BusinessCalendar} and by the tests' {@link MinuteSteppingCalendar}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BusinessCalendarBenchmark {

	private static final Duration FOUR_HOURS = Duration.ofHours(4);

	private static final int STARTS = 1 << 12;

	private BusinessCalendar fast;

	private MinuteSteppingCalendar reference;

	private final Instant[] starts = new Instant[STARTS];

	private int next;

	@Setup
	public void setUp() {
		ZoneId zone = ZoneId.of("America/New_York");
		Map<DayOfWeek, List<Window>> week = TestCalendars.week(TestCalendars.MONDAY_TO_FRIDAY, "09:00-17:00");
		fast = new BusinessCalendar(zone, week, TestCalendars.holidays("US"));
		reference = new MinuteSteppingCalendar(zone, week, TestCalendars.holidays("US"));
		Random random = new Random(42);
		Instant first = Instant.parse("2026-01-01T00:00:00Z");
		for (int i = 0; i < STARTS; i++) {
			starts[i] = first.plusSeconds(random.nextInt(2 * 365 * 86_400));
		}
	}

	@Benchmark
	public Instant fast() {
		return fast.plus(nextStart(), FOUR_HOURS);
	}

	@Benchmark
	public Instant reference() {
		return reference.plus(nextStart(), FOUR_HOURS);
	}

	private Instant nextStart() {
		return starts[next++ & (STARTS - 1)];
	}

	/** Runs both benchmarks, taking JMH's command-line options (e.g. -f, -wi, -i), and prints their ratio. */
	public static void main(String[] args) throws Exception {
		Map<String, Double> opsPerSecond = new TreeMap<>();
		var options = new OptionsBuilder().parent(new CommandLineOptions(args))
			.include(BusinessCalendarBenchmark.class.getName())
			.build();
		for (RunResult result : new Runner(options).run()) {
			String benchmark = result.getParams().getBenchmark();
			opsPerSecond.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
		}
		double fast = opsPerSecond.get("fast");
		double reference = opsPerSecond.get("reference");
		System.out.printf("fast: %,.0f ops/s, reference: %,.0f ops/s, ratio: %,.0f%n", fast, reference, fast / reference);
	}

}
