package io.riskdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests: real time unless a test sets it, so time-driven behaviour
 * (SLA warnings and breaches) can be tested at exact instants. Tests that set it reset it.
 * Set it only to instants in the past: db-scheduler tells time by it too, and after a jump past
 * real time it waits for real time to catch up, so later scheduler tests of the run time out.
 */
public class MutableClock extends Clock {

	private final AtomicReference<Instant> fixed = new AtomicReference<>();

	public void set(Instant instant) {
		fixed.set(instant);
	}

	public void advance(Duration duration) {
		fixed.updateAndGet(now -> (now == null ? Instant.now() : now).plus(duration));
	}

	public void reset() {
		fixed.set(null);
	}

	@Override
	public Instant instant() {
		Instant now = fixed.get();
		return now != null ? now : Instant.now();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

}
