package io.riskdesk.demo.portfolio;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Seeded random numbers: one independent generator per account and part, and the draws the models use.
 * Public for the large data-set generator of the tests (io.riskdesk.demo.dataset), which draws alike.
 */
public final class Randoms {

	/** What a generator is for: each part of an account draws from its own, so files are independent. */
	enum Part {
		PLAN, USAGE, FEATURES, TICKETS, INVOICES, SURVEYS, EVENTS
	}

	private Randoms() {
	}

	/** The generator of one part of one account: the same for the same seed, whatever else is generated. */
	static RandomGenerator of(long seed, int index, Part part) {
		return of(seed, index, part.ordinal());
	}

	/** The generator of stream {@code stream} of item {@code index}: the same for the same seed, whatever else is drawn. */
	public static RandomGenerator of(long seed, int index, int stream) {
		return new SplittableRandom(mix(mix(mix(seed) + index) + stream));
	}

	/** Stafford's mix 13 (SplittableRandom's own): nearby inputs give unrelated seeds. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	/** An int from {@code min} to {@code max}, both included. */
	public static int between(RandomGenerator random, int min, int max) {
		return random.nextInt(min, max + 1);
	}

	public static double between(RandomGenerator random, double min, double max) {
		return random.nextDouble(min, max);
	}

	/** A day from {@code min} to {@code max}, both included. */
	public static LocalDate between(RandomGenerator random, LocalDate min, LocalDate max) {
		return min.plusDays(random.nextLong(max.toEpochDay() - min.toEpochDay() + 1));
	}

	public static boolean chance(RandomGenerator random, double probability) {
		return random.nextDouble() < probability;
	}

	public static <T> T pick(RandomGenerator random, List<T> choices) {
		return choices.get(random.nextInt(choices.size()));
	}

	/** Log-normal around {@code median}: sizes and amounts, many small and a long tail of large. */
	public static double logNormal(RandomGenerator random, double median, double sigma) {
		return median * Math.exp(sigma * random.nextGaussian());
	}

	/** Poisson by Knuth's method: fine for the small means of daily counts. */
	public static int poisson(RandomGenerator random, double mean) {
		double limit = Math.exp(-mean);
		double product = random.nextDouble();
		int count = 0;
		while (product > limit) {
			product *= random.nextDouble();
			count++;
		}
		return count;
	}

}
