package io.riskdesk.risk;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.riskdesk.RiskdeskTest;
import io.riskdesk.account.AccountForm;
import io.riskdesk.account.Accounts;
import io.riskdesk.account.Segment;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.timeline.TimelineEntry;
import io.riskdesk.timeline.TimelineKind;
import io.riskdesk.core.ConflictException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent writers on the real database: no duplicate keys, no lost update. */
@RiskdeskTest
class RiskConcurrencyTest {

	@Autowired
	RiskRegister risks;

	@Autowired
	Accounts accounts;

	private long account() {
		return accounts.create(new AccountForm("Concurrent " + UUID.randomUUID(), null, LocalDate.of(2027, 6, 30),
				Segment.SMB, "US", ZoneId.of("America/New_York"), null, Map.of(), List.of(), null, null)).id();
	}

	@Test
	void concurrentCreationsGetDistinctKeys() throws Exception {
		long account = account();
		List<Callable<String>> creations = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			String title = "Parallel risk " + i;
			creations.add(() -> risks.create(new NewRisk(account, title, RiskCategory.SUPPORT, null, null, null, null,
					null, null), RiskSource.MANUAL, "alex").key());
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			Set<String> keys = new java.util.HashSet<>();
			for (Future<String> key : pool.invokeAll(creations)) {
				keys.add(key.get());
			}
			assertThat(keys).hasSize(16);
		}
		finally {
			pool.shutdown();
		}
		assertThat(risks.list(new RiskQuery(null, null, null, null, null, account, null, null, null, null, null, null, null, null, null, null),
				org.springframework.data.domain.Pageable.ofSize(50)).getTotalElements()).isEqualTo(16);
	}

	@Test
	void ofTwoConcurrentEditsOfOneVersionOnlyOneWins() throws Exception {
		String key = risks.create(new NewRisk(account(), "Race", RiskCategory.PEOPLE, null, null, null, null, null, null),
				RiskSource.MANUAL, "alex").key();
		int version = risks.get(key).version();
		List<Callable<String>> edits = List.of(
				() -> risks.update(key, version, new RiskUpdate("Title by alex", null, null, null, null, null, null, null), "alex")
					.title(),
				() -> risks.update(key, version, new RiskUpdate("Title by morgan", null, null, null, null, null, null, null),
						"morgan").title());
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Object> outcomes = new ArrayList<>();
		try {
			for (Future<String> edit : pool.invokeAll(edits)) {
				try {
					outcomes.add(edit.get());
				}
				catch (java.util.concurrent.ExecutionException ex) {
					outcomes.add(ex.getCause().getClass());
				}
			}
		}
		finally {
			pool.shutdown();
		}
		List<String> winners = outcomes.stream().filter(String.class::isInstance).map(String.class::cast).toList();
		assertThat(winners).hasSize(1);
		assertThat(outcomes).filteredOn(Class.class::isInstance)
			.singleElement()
			.satisfies(type -> assertThat(Set.of(ConflictException.class, OptimisticLockingFailureException.class))
				.anySatisfy(expected -> assertThat(expected).isAssignableFrom((Class<?>) type)));
		assertThat(risks.get(key).title()).isEqualTo(winners.get(0));
		assertThat(risks.timeline(key).stream().map(TimelineEntry::kind).collect(Collectors.toList()))
			.containsExactly(TimelineKind.LOGGED, TimelineKind.UPDATED);
	}

}
