package io.riskdesk.demo.dataset;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What to generate: the same spec gives the same rows, whatever database they go to.
 *
 * @param seed the random seed
 * @param accounts how many accounts
 * @param risks how many risks, logged over the {@value #YEARS} years up to {@code asOf}
 * @param asOf the day the data set ends (its "now" is this day's midnight UTC): unresolved risks are
 * those still open then, running clocks are due after it
 */
public record DatasetSpec(long seed, int accounts, int risks, LocalDate asOf) {

	public static final int YEARS = 10;

	public DatasetSpec {
		Objects.requireNonNull(asOf, "asOf");
		if (accounts < 1) {
			throw new IllegalArgumentException("accounts must be at least 1, not " + accounts);
		}
		if (risks < 1) {
			throw new IllegalArgumentException("risks must be at least 1, not " + risks);
		}
	}

	/** The data set's "now". */
	public Instant now() {
		return asOf.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** When the first risk may be logged. */
	public Instant start() {
		return asOf.minusYears(YEARS).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}
