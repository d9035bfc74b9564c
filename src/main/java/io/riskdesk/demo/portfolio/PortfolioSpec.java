package io.riskdesk.demo.portfolio;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate: the same spec always gives the same portfolio, byte for byte (on the same Java
 * version), whatever order it is read in.
 *
 * @param seed the random seed
 * @param accounts how many accounts
 * @param days how many days of telemetry, ending with {@code end}; at least {@value #MIN_DAYS}, so that
 * every injected pattern has a 30-day baseline before it and becomes detectable within the period
 * @param end the last day of telemetry
 * @param atRiskShare the expected share of accounts with an injected risk pattern, 0 to 1
 */
public record PortfolioSpec(long seed, int accounts, int days, LocalDate end, double atRiskShare) {

	public static final int MIN_DAYS = 60;

	/** A fixed default, not today: the portfolio must not change with the day it is generated. */
	public static final LocalDate DEFAULT_END = LocalDate.of(2026, 11, 30);

	public static final double DEFAULT_AT_RISK_SHARE = 0.2;

	public PortfolioSpec {
		Objects.requireNonNull(end, "end");
		if (accounts < 1) {
			throw new IllegalArgumentException("accounts must be at least 1, not " + accounts);
		}
		if (days < MIN_DAYS) {
			throw new IllegalArgumentException("days must be at least " + MIN_DAYS + ", not " + days);
		}
		if (!(atRiskShare >= 0 && atRiskShare <= 1)) {
			throw new IllegalArgumentException("atRiskShare must be between 0 and 1, not " + atRiskShare);
		}
	}

	/** {@code accounts} accounts with {@code days} days up to {@link #DEFAULT_END}, a fifth of them at risk. */
	public static PortfolioSpec of(long seed, int accounts, int days) {
		return new PortfolioSpec(seed, accounts, days, DEFAULT_END, DEFAULT_AT_RISK_SHARE);
	}

	/** The first day of telemetry. */
	public LocalDate first() {
		return end.minusDays(days - 1L);
	}

}
