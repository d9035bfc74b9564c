package io.riskdesk.core;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read again only once it is older than its time to live, for figures that many readers
 * ask for at once (every gauge of a Prometheus scrape) but that cost a query to compute. Ages by
 * the JVM's monotonic clock, not the application's: the cache is about real elapsed time.
 */
public final class ShortLivedCache<T> implements Supplier<T> {

	private final Supplier<T> source;

	private final long timeToLiveNanos;

	private T value;

	private long readAt;

	private ShortLivedCache(Duration timeToLive, Supplier<T> source) {
		if (timeToLive.isNegative()) {
			throw new IllegalArgumentException("a time to live of zero or more, not " + timeToLive);
		}
		this.source = source;
		this.timeToLiveNanos = timeToLive.toNanos();
	}

	public static <T> ShortLivedCache<T> of(Duration timeToLive, Supplier<T> source) {
		return new ShortLivedCache<>(timeToLive, source);
	}

	@Override
	public synchronized T get() {
		long now = System.nanoTime();
		if (value == null || now - readAt >= timeToLiveNanos) {
			value = source.get();
			readAt = now;
		}
		return value;
	}

}
