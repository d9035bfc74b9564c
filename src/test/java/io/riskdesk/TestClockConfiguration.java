package io.riskdesk;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	/**
	 * How long a test waits for the scheduler: it also runs every other test's overdue checks, due at
	 * once in real time whatever the test clock says; late in the suite, one waited past a minute.
	 */
	public static final java.time.Duration SCHEDULER_BACKLOG = java.time.Duration.ofMinutes(3);

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock();
	}

}
