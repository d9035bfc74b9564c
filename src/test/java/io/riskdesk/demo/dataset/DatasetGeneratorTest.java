package io.riskdesk.demo.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetGeneratorTest {

	private static final DatasetSpec SMALL = new DatasetSpec(42, 60, 1_500, LocalDate.of(2026, 11, 29));

	/**
	 * The rows of seed 42 at the small size, as this generator makes them. A change to the generator that
	 * changes its rows on purpose changes this digest too; one that changes it by accident (an order that
	 * depends on the JVM run, the clock) fails here.
	 */
	private static final String SMALL_DIGEST = "00bf24dcc6a1179007ddd7c9ed86f0e6761757e89e8a8ca2486a96d1b5758a62";

	@Test
	void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() throws Exception {
		String digest = digest(new DatasetGenerator(SMALL));

		assertThat(digest(new DatasetGenerator(SMALL))).isEqualTo(digest);
		assertThat(digest).as("digest of seed 42, 60 accounts, 1,500 risks as of 2026-11-29").isEqualTo(SMALL_DIGEST);
		assertThat(digest(new DatasetGenerator(new DatasetSpec(43, 60, 1_500, SMALL.asOf())))).isNotEqualTo(digest);
	}

	@Test
	void aboutThreePercentOfTheRisksAreUnresolvedAndEachStatusHasWhatItNeeds() {
		Map<DatasetTable, List<Object[]>> rows = rows(new DatasetGenerator(SMALL));
		List<String> columns = DatasetTable.RISK.columns();
		int status = columns.indexOf("status");
		Map<String, Integer> byStatus = new java.util.TreeMap<>();
		for (Object[] risk : rows.get(DatasetTable.RISK)) {
			byStatus.merge((String) risk[status], 1, Integer::sum);
			Object resolvedAt = risk[columns.indexOf("resolved_at")];
			Object closedAt = risk[columns.indexOf("closed_at")];
			switch ((String) risk[status]) {
				case "OPEN" -> assertThat(risk[columns.indexOf("triaged_at")]).isNull();
				case "TRIAGED", "ACTIVE" -> assertThat(resolvedAt).isNull();
				case "RESOLVED" -> assertThat(risk[columns.indexOf("root_cause")]).isNotNull();
				case "CLOSED" -> {
					assertThat(closedAt).isNotNull();
					// Closed with an outcome after resolving, or as a duplicate of the risk before it.
					assertThat(risk[columns.indexOf("outcome")] != null || risk[columns.indexOf("duplicate_of")] != null).isTrue();
				}
				default -> throw new AssertionError(risk[status]);
			}
			assertThat((Instant) risk[columns.indexOf("detected_at")]).isBefore(SMALL.now());
		}
		int unresolved = byStatus.getOrDefault("OPEN", 0) + byStatus.getOrDefault("TRIAGED", 0)
				+ byStatus.getOrDefault("ACTIVE", 0);
		assertThat(unresolved).as("unresolved of 1,500: %s", byStatus).isBetween(25, 70);
		assertThat(byStatus.keySet()).contains("OPEN", "TRIAGED", "ACTIVE", "CLOSED");
	}

	@Test
	void keysAreNumberedPerYearWithoutGapsAndTheCountersStandAtTheLast() {
		DatasetGenerator generator = new DatasetGenerator(SMALL);
		Set<String> keys = new HashSet<>();
		for (Object[] risk : rows(generator).get(DatasetTable.RISK)) {
			keys.add((String) risk[1]);
		}
		assertThat(keys).hasSize(1_500);
		for (Object[] counter : generator.keyCounters()) {
			for (int n = 1; n <= (int) counter[1]; n++) {
				assertThat(keys).contains("RISK-%d-%04d".formatted(counter[0], n));
			}
		}
		assertThat(generator.keyCounters().stream().mapToInt(counter -> (int) counter[1]).sum()).isEqualTo(1_500);
	}

	@Test
	void runningClocksBelongToRisksStillOwedSomethingAndAreDueAfterNow() {
		Map<DatasetTable, List<Object[]>> rows = rows(new DatasetGenerator(SMALL));
		List<String> columns = DatasetTable.SLA_CLOCK.columns();
		long running = 0;
		for (Object[] clock : rows.get(DatasetTable.SLA_CLOCK)) {
			if (clock[columns.indexOf("state")].equals("RUNNING")) {
				running++;
				assertThat((Instant) clock[columns.indexOf("due_at")]).isAfter(SMALL.now());
			}
			else if (clock[columns.indexOf("state")].equals("MET")) {
				assertThat(clock[columns.indexOf("due_at")]).isNull();
			}
		}
		// Each running clock has its breach check scheduled (and its warning, while that is to come).
		long breachChecks = rows.get(DatasetTable.SCHEDULED_TASKS)
			.stream()
			.filter(task -> ((String) task[1]).contains("-breach-"))
			.count();
		assertThat(breachChecks).isEqualTo(running).isPositive();
	}

	private static Map<DatasetTable, List<Object[]>> rows(DatasetGenerator generator) {
		Map<DatasetTable, List<Object[]>> rows = new EnumMap<>(DatasetTable.class);
		generator.directoryRows().forEach((table, values) -> rows.computeIfAbsent(table, t -> new ArrayList<>()).addAll(values));
		generator.riskChunks()
			.forEach(chunk -> chunk.forEach((table, values) -> rows.computeIfAbsent(table, t -> new ArrayList<>()).addAll(values)));
		rows.put(DatasetTable.RISK_KEY_COUNTER, generator.keyCounters());
		return rows;
	}

	private static String digest(DatasetGenerator generator) throws Exception {
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		rows(generator).forEach((table, values) -> {
			for (Object[] row : values) {
				sha.update((table.table() + Arrays.toString(row) + "\n").getBytes(StandardCharsets.UTF_8));
			}
		});
		return java.util.HexFormat.of().formatHex(sha.digest());
	}

}
