package io.riskdesk.intake;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static io.riskdesk.intake.IntakeTestSupport.EXTRACTOR;
import static org.assertj.core.api.Assertions.assertThat;

/** Prints the median extraction time per seed document; the bound only catches a runaway (a benchmark, not a test of speed). */
class ExtractionTimingTest {

	private static final int RUNS = 200;

	@Test
	void printsTheMedianExtractionTimePerSeedDocument() {
		for (String name : IntakeTestSupport.SEED_NOTES) {
			byte[] content = IntakeTestSupport.seed(name);
			for (int i = 0; i < 50; i++) {
				EXTRACTOR.extract(content); // warm-up
			}
			long[] nanos = new long[RUNS];
			for (int i = 0; i < RUNS; i++) {
				long start = System.nanoTime();
				EXTRACTOR.extract(content);
				nanos[i] = System.nanoTime() - start;
			}
			Arrays.sort(nanos);
			Duration median = Duration.ofNanos(nanos[RUNS / 2]);
			System.out.printf("intake extraction median %-42s %8.3f ms (p90 %.3f ms, %d bytes)%n", name,
					median.toNanos() / 1e6, nanos[RUNS * 9 / 10] / 1e6, content.length);
			assertThat(median).isLessThan(Duration.ofSeconds(1));
		}
	}

}
