package io.riskdesk.sla;

import java.time.Duration;
import java.time.Instant;

/** How a clock counts time: business time of a calendar, or plain clock time. */
interface Measure {

	Measure CLOCK_TIME = new Measure() {

		@Override
		public Duration between(Instant from, Instant to) {
			return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
		}

		@Override
		public Instant plus(Instant start, Duration amount) {
			return start.plus(amount);
		}
	};

	Duration between(Instant from, Instant to);

	Instant plus(Instant start, Duration amount);

	static Measure of(BusinessCalendar calendar) {
		return new Measure() {

			@Override
			public Duration between(Instant from, Instant to) {
				return calendar.between(from, to);
			}

			@Override
			public Instant plus(Instant start, Duration amount) {
				return calendar.plus(start, amount);
			}
		};
	}

}
