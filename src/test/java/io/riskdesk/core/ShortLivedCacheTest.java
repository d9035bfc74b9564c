package io.riskdesk.core;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ShortLivedCacheTest {

	@Test
	void readsOnceWithinItsTimeToLive() {
		AtomicInteger reads = new AtomicInteger();
		ShortLivedCache<Integer> cache = ShortLivedCache.of(Duration.ofMinutes(1), reads::incrementAndGet);
		assertThat(cache.get()).isEqualTo(1);
		assertThat(cache.get()).isEqualTo(1);
		assertThat(reads).hasValue(1);
	}

	@Test
	void readsAgainOnceExpired() throws InterruptedException {
		AtomicInteger reads = new AtomicInteger();
		ShortLivedCache<Integer> cache = ShortLivedCache.of(Duration.ofMillis(20), reads::incrementAndGet);
		assertThat(cache.get()).isEqualTo(1);
		Thread.sleep(30);
		assertThat(cache.get()).isEqualTo(2);
	}

	@Test
	void aZeroTimeToLiveReadsEveryTime() {
		AtomicInteger reads = new AtomicInteger();
		ShortLivedCache<Integer> cache = ShortLivedCache.of(Duration.ZERO, reads::incrementAndGet);
		cache.get();
		cache.get();
		assertThat(reads).hasValue(2);
	}

	@Test
	void refusesANegativeTimeToLive() {
		assertThatIllegalArgumentException().isThrownBy(() -> ShortLivedCache.of(Duration.ofSeconds(-1), () -> 1));
	}

}
