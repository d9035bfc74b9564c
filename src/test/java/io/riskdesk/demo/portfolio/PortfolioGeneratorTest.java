package io.riskdesk.demo.portfolio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.riskdesk.demo.portfolio.DefaultRules.AccountRows;
import io.riskdesk.demo.portfolio.DefaultRules.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PortfolioGeneratorTest {

	/** The telemetry CSV contract of issue 10, written out here rather than taken from the code under test. */
	private static final Map<String, List<String>> CONTRACT = Map.of(
			"usage.csv", List.of("account", "day", "active_users", "wau", "mau"),
			"feature-usage.csv", List.of("account", "week", "feature", "persona", "users"),
			"tickets.csv", List.of("account", "ticket_id", "severity", "opened_at", "resolved_at", "workaround", "subject"),
			"invoices.csv", List.of("account", "invoice_no", "amount", "currency", "due_date", "paid_date"),
			"surveys.csv", List.of("account", "responded_on", "kind", "score", "respondent_role", "comment"),
			"events.csv", List.of("account", "occurred_on", "type", "note"));

	private static final PortfolioSpec SPEC = PortfolioSpec.of(7, 1000, 180);

	private static Map<String, AccountRows> rows;

	@BeforeAll
	static void generate() {
		rows = DefaultRules.rows(new PortfolioGenerator(SPEC));
	}

	@Test
	void theSameSpecWritesTheSameBytesAndAnotherSeedOtherOnes(@TempDir Path folder) throws IOException {
		PortfolioSpec spec = PortfolioSpec.of(11, 100, 90);
		PortfolioFiles.write(new PortfolioGenerator(spec), folder.resolve("a"));
		PortfolioFiles.write(new PortfolioGenerator(spec), folder.resolve("b"));
		PortfolioFiles.write(new PortfolioGenerator(PortfolioSpec.of(12, 100, 90)), folder.resolve("c"));

		for (PortfolioFile file : PortfolioFile.values()) {
			byte[] a = Files.readAllBytes(folder.resolve("a").resolve(file.fileName()));
			assertThat(Files.readAllBytes(folder.resolve("b").resolve(file.fileName()))).as(file.fileName()).isEqualTo(a);
			assertThat(Files.readAllBytes(folder.resolve("c").resolve(file.fileName()))).as(file.fileName())
				.isNotEqualTo(a);
		}
	}

	@Test
	void anAccountsRowsDependOnTheSeedAndItsIndexOnlyNotOnHowManyAccountsThereAre() {
		PortfolioGenerator few = new PortfolioGenerator(PortfolioSpec.of(11, 40, 90));
		PortfolioGenerator many = new PortfolioGenerator(PortfolioSpec.of(11, 100, 90));
		Set<String> firstForty = few.accounts().map(PortfolioRow.Account::externalId).collect(Collectors.toSet());

		for (PortfolioFile file : PortfolioFile.values()) {
			assertThat(file.rows(many).filter(row -> firstForty.contains(row.values()[0])).toList()).as(file.fileName())
				.isEqualTo(file.rows(few).toList());
		}
	}

	@Test
	void aFewAccountsOfAPortfolioHaveTheRowsTheyHaveInTheWhole() {
		PortfolioGenerator whole = new PortfolioGenerator(PortfolioSpec.of(11, 100, 90));
		PortfolioGenerator two = whole.only(57, 3);

		for (PortfolioFile file : PortfolioFile.values()) {
			List<PortfolioRow> expected = new ArrayList<>();
			for (String account : List.of("CRM-000058", "CRM-000004")) {
				file.rows(whole).filter(row -> row.values()[0].equals(account)).forEach(expected::add);
			}
			assertThat(file.rows(two).toList()).as(file.fileName()).isEqualTo(expected);
		}
	}

	@Test
	void specsOutsideTheLimitsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> PortfolioSpec.of(1, 10, 59)).withMessageContaining("days");
		assertThatIllegalArgumentException().isThrownBy(() -> PortfolioSpec.of(1, 0, 90)).withMessageContaining("accounts");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PortfolioSpec(1, 10, 90, PortfolioSpec.DEFAULT_END, 1.5))
			.withMessageContaining("atRiskShare");
	}

	@Test
	void eachFileHasTheVolumesOfARealBook() {
		int accounts = SPEC.accounts();
		assertThat(rows).hasSize(accounts);
		assertThat(rows.values().stream().mapToInt(account -> account.usage().size()).sum())
			.isEqualTo(accounts * SPEC.days());
		// Per account over 180 days; the detection benchmark's 10,000 accounts have 100,000 tickets,
		// 20,000 invoices, 30,000 survey answers and 20,000 events.
		assertThat(perAccount(AccountRows::tickets)).isBetween(8.0, 12.0);
		assertThat(perAccount(AccountRows::invoices)).isBetween(1.7, 2.6);
		assertThat(perAccount(AccountRows::surveys)).isBetween(2.5, 3.7);
		assertThat(perAccount(AccountRows::events)).isBetween(1.6, 2.4);
		long atRisk = rows.values().stream().filter(account -> !account.healthy()).count();
		assertThat(atRisk / (double) accounts).isBetween(0.17, 0.23);

		PortfolioGenerator generator = new PortfolioGenerator(SPEC);
		long weeks = 180 / 7;
		assertThat(generator.featureUsage().count()).isBetween(3 * weeks * accounts, 5 * (weeks + 1) * accounts);
		List<PortfolioRow.Account> accountRows = generator.accounts().toList();
		assertThat(accountRows).extracting(account -> account.name().toLowerCase()).doesNotHaveDuplicates();
		assertThat(accountRows).extracting(PortfolioRow.Account::externalId)
			.startsWith("CRM-000001", "CRM-000002")
			.allMatch(id -> id.matches("CRM-\\d{6}"));
		assertThat(accountRows).allSatisfy(account -> {
			assertThat(account.arrAmount()).isPositive();
			assertThat(account.renewalDate()).isAfter(SPEC.first());
		});
		assertThat(accountRows).extracting(PortfolioRow.Account::segment).contains(io.riskdesk.account.Segment.values());
	}

	@Test
	void namesStayUniqueBeyondTheWordCombinations() {
		assertThat(Stream.iterate(0, i -> i + 1).limit(40_000).map(AccountPlan::name).map(String::toLowerCase))
			.doesNotHaveDuplicates();
	}

	/** A new account has no users, tickets, invoices, answers or events before it starts, and reaches first value on time. */
	@Test
	void newAccountsHaveNothingBeforeTheyStart() {
		List<AccountRows> newAccounts = rows.values().stream()
			.filter(account -> account.healthy() && account.account().firstValueDue() != null)
			.toList();
		assertThat(newAccounts).hasSizeGreaterThan(SPEC.accounts() / 20);
		assertThat(newAccounts).allSatisfy(account -> {
			LocalDate started = SPEC.first().datesUntil(SPEC.end().plusDays(1))
				.filter(day -> account.usage().get(day).wau() > 0)
				.findFirst()
				.orElseThrow();
			assertThat(started.datesUntil(SPEC.end().plusDays(1))).allMatch(day -> account.usage().get(day).wau() > 0);
			assertThat(account.tickets()).allMatch(ticket -> !account.localDay(ticket.openedAt()).isBefore(started));
			assertThat(account.invoices()).allMatch(invoice -> !invoice.dueDate().isBefore(started));
			assertThat(account.surveys()).allMatch(survey -> !survey.respondedOn().isBefore(started));
			assertThat(account.events()).allMatch(event -> !event.occurredOn().isBefore(started));
			if (!account.account().firstValueDue().isAfter(SPEC.end())) {
				assertThat(account.events()).anyMatch(event -> event.type().equals("FIRST_VALUE_REACHED")
						&& !event.occurredOn().isAfter(account.account().firstValueDue()));
			}
		});
	}

	@Test
	void everyPatternIsInjectedWithItsTruthWithinThePeriod() {
		Map<RiskPattern, List<PortfolioRow.Truth>> byPattern = rows.values().stream()
			.map(AccountRows::truth)
			.collect(Collectors.groupingBy(PortfolioRow.Truth::pattern));
		assertThat(byPattern.keySet()).containsExactlyInAnyOrder(RiskPattern.values());
		assertThat(byPattern.values()).allSatisfy(truths -> assertThat(truths).hasSizeGreaterThanOrEqualTo(10));

		assertThat(rows.values()).allSatisfy(account -> {
			PortfolioRow.Truth truth = account.truth();
			assertThat(truth.category()).isEqualTo(truth.pattern().category());
			if (account.healthy()) {
				assertThat(truth.startedOn()).isNull();
				assertThat(truth.churnOn()).isNull();
				return;
			}
			assertThat(truth.startedOn()).isAfterOrEqualTo(SPEC.first().plusDays(14));
			assertThat(truth.detectableOn()).isBetween(truth.startedOn(), SPEC.end());
			assertThat(truth.churnOn()).isAfterOrEqualTo(truth.detectableOn().plusDays(30))
				.isBetween(truth.startedOn().plusDays(45), truth.startedOn().plusDays(120))
				.isBeforeOrEqualTo(SPEC.end().plusDays(60));
			assertThat(account.account().renewalDate()).isEqualTo(truth.churnOn());
		});
	}

	@Test
	void everyInjectedPatternShowsInItsDataAtItsStart() {
		assertThat(rows.values().stream().filter(account -> !account.healthy())).allSatisfy(account -> {
			PortfolioRow.Truth truth = account.truth();
			LocalDate start = truth.startedOn();
			switch (truth.pattern()) {
				// The period may end before 30 (or 14) days have passed, but after the drop shows.
				case GRADUAL_USAGE_DECLINE -> assertThat(wau(account, earlier(start.plusDays(30), SPEC.end())))
					.isLessThan(0.7 * wau(account, start));
				case ADOPTION_COLLAPSE -> assertThat(wau(account, earlier(start.plusDays(14), SPEC.end())))
					.isLessThan(0.6 * wau(account, start));
				case FIRST_VALUE_SLIPPING -> {
					assertThat(account.account().firstValueDue()).isEqualTo(start);
					assertThat(account.events()).noneMatch(event -> event.type().equals("FIRST_VALUE_REACHED"));
				}
				case SPONSOR_DEPARTURE -> assertThat(account.events()).anyMatch(event("SPONSOR_LEFT", start));
				case SUPPORT_STORM -> assertThat(account.tickets()).filteredOn(ticket -> ticket.severity().equals("SEV1")
						&& !account.localDay(ticket.openedAt()).isBefore(start)
						&& !account.localDay(ticket.openedAt()).isAfter(start.plusDays(12)))
					.hasSizeGreaterThanOrEqualTo(2);
				case UNPAID_INVOICES -> assertThat(account.invoices())
					.anyMatch(invoice -> invoice.dueDate().equals(start) && invoice.paidDate() == null)
					.allMatch(invoice -> invoice.dueDate().isBefore(start) || invoice.paidDate() == null);
				case NPS_COLLAPSE -> assertThat(account.surveys()).anyMatch(survey -> survey.kind().equals("NPS")
						&& survey.respondedOn().equals(start) && survey.score() <= 5);
				case SERVICE_INCIDENT -> {
					assertThat(account.events()).anyMatch(event("OUTAGE_ALL_USERS", start)
						.or(event("OUTAGE_PARTIAL", start))
						.or(event("SECURITY_INCIDENT", start)));
					assertThat(account.tickets()).anyMatch(ticket -> ticket.severity().equals("SEV1")
							&& account.localDay(ticket.openedAt()).equals(start));
				}
				case MISSING_CAPABILITY -> assertThat(account.events()).anyMatch(event("MISSING_CAPABILITY", start));
				case NONE -> throw new AssertionError("healthy");
			}
		});
	}

	/** The truth's detectable day is when the default rules see the pattern: on that day, or a day or two later by noise. */
	@Test
	void theDefaultRulesSeeEveryInjectedPatternByItsDetectableDay() {
		Map<RiskPattern, Set<Rule>> expected = new EnumMap<>(RiskPattern.class);
		expected.put(RiskPattern.GRADUAL_USAGE_DECLINE, EnumSet.of(Rule.USAGE_DROP));
		expected.put(RiskPattern.ADOPTION_COLLAPSE, EnumSet.of(Rule.ADOPTION_COLLAPSE));
		expected.put(RiskPattern.FIRST_VALUE_SLIPPING, EnumSet.of(Rule.FIRST_VALUE_SLIPPING));
		expected.put(RiskPattern.SPONSOR_DEPARTURE, EnumSet.of(Rule.RISK_EVENT));
		expected.put(RiskPattern.SUPPORT_STORM, EnumSet.of(Rule.SEV1_REPEAT, Rule.SEV1_UNRESOLVED));
		expected.put(RiskPattern.UNPAID_INVOICES, EnumSet.of(Rule.UNPAID_INVOICE, Rule.RISK_EVENT));
		expected.put(RiskPattern.NPS_COLLAPSE, EnumSet.of(Rule.LOW_NPS));
		expected.put(RiskPattern.SERVICE_INCIDENT, EnumSet.of(Rule.RISK_EVENT));
		expected.put(RiskPattern.MISSING_CAPABILITY, EnumSet.of(Rule.RISK_EVENT));
		List<AccountRows> atRisk = rows.values().stream().filter(account -> !account.healthy()).toList();
		List<String> lateOrUnseen = new ArrayList<>();
		for (AccountRows account : atRisk) {
			Set<Rule> rules = expected.get(account.truth().pattern());
			LocalDate detectable = account.truth().detectableOn();
			if (DefaultRules.fired(account, detectable).stream().noneMatch(rules::contains)) {
				lateOrUnseen.add(account.truth().toString());
				LocalDate last = earlier(detectable.plusDays(3), SPEC.end());
				assertThat(detectable.datesUntil(last.plusDays(1)))
					.as("days %s fires %s", account.truth(), rules)
					.anyMatch(day -> DefaultRules.fired(account, day).stream().anyMatch(rules::contains));
			}
		}
		assertThat(lateOrUnseen.size()).as("seen after their detectable day: %s", lateOrUnseen)
			.isLessThanOrEqualTo(atRisk.size() / 20);
	}

	/** Noise must not read as risk: a benchmark's precision rests on healthy accounts looking healthy. */
	@Test
	void healthyAccountsRarelyLookAtRiskToTheDefaultRules() {
		assertHealthyLooksHealthy(rows, SPEC);
	}

	/** The late-December dip is a holiday, not an adoption drop. */
	@Test
	void theYearEndHolidaysDoNotReadAsAnAdoptionDrop() {
		PortfolioSpec winter = new PortfolioSpec(7, 400, 120, LocalDate.of(2027, 1, 31), 0.2);
		assertHealthyLooksHealthy(DefaultRules.rows(new PortfolioGenerator(winter)), winter);
	}

	private static void assertHealthyLooksHealthy(Map<String, AccountRows> rows, PortfolioSpec spec) {
		List<AccountRows> healthy = rows.values().stream().filter(AccountRows::healthy).toList();
		Map<Rule, Integer> lastNinetyDays = new EnumMap<>(Rule.class);
		int anyRule = 0;
		for (AccountRows account : healthy) {
			Set<Rule> fired = EnumSet.noneOf(Rule.class);
			for (LocalDate day = spec.end().minusDays(89); !day.isAfter(spec.end()); day = day.plusDays(1)) {
				fired.addAll(DefaultRules.fired(account, day));
			}
			fired.forEach(rule -> lastNinetyDays.merge(rule, 1, Integer::sum));
			anyRule += fired.isEmpty() ? 0 : 1;
		}
		int fivePercent = healthy.size() / 20;
		assertThat(lastNinetyDays.getOrDefault(Rule.USAGE_DROP, 0)).as("30-day WAU/MAU drop over 30%%: %s", lastNinetyDays)
			.isLessThanOrEqualTo(fivePercent);
		assertThat(lastNinetyDays.getOrDefault(Rule.ADOPTION_COLLAPSE, 0)).isLessThanOrEqualTo(fivePercent);
		assertThat(lastNinetyDays.values()).allSatisfy(accounts -> assertThat(accounts).isLessThanOrEqualTo(fivePercent));
		// Some benign noise fires (a yellow health check, a passive NPS answer, a freeze, a busy support month),
		// rarely enough for a detector that follows the rules to keep a precision far over 80%.
		assertThat(anyRule).as("healthy accounts with any rule firing in the last 90 days: %s", lastNinetyDays)
			.isLessThanOrEqualTo(fivePercent);
	}

	@Test
	void theCommandWritesCsvFilesWithTheContractsHeaders(@TempDir Path folder) throws IOException {
		PrintStream out = System.out;
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		System.setOut(new PrintStream(printed, true));
		try {
			PortfolioCommand.main(new String[] { "--seed", "3", "--accounts", "50", "--days", "60", "--out",
					folder.toString() });
		}
		finally {
			System.setOut(out);
		}
		assertThat(printed.toString()).contains("usage.csv", "3,000 rows", "Wrote " + folder.toAbsolutePath());

		PortfolioGenerator generator = new PortfolioGenerator(PortfolioSpec.of(3, 50, 60));
		CsvMapper csv = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
		for (PortfolioFile file : PortfolioFile.values()) {
			List<String[]> lines;
			try (MappingIterator<String[]> it = csv.readerFor(String[].class).readValues(folder.resolve(file.fileName()))) {
				lines = it.readAll();
			}
			List<String> header = List.of(lines.get(0));
			assertThat(header).isEqualTo(CONTRACT.getOrDefault(file.fileName(), file.header()));
			assertThat(lines.subList(1, lines.size())).as(file.fileName())
				.hasSize((int) file.rows(generator).count())
				.allSatisfy(line -> assertThat(line).hasSameSizeAs(header.toArray()));
		}
		List<String[]> tickets;
		try (MappingIterator<String[]> it = csv.readerFor(String[].class).readValues(folder.resolve("tickets.csv"))) {
			tickets = it.readAll();
		}
		assertThat(tickets.subList(1, tickets.size())).allSatisfy(ticket -> {
			assertThat(ticket[2]).matches("SEV[1-4]");
			assertThat(Instant.parse(ticket[3])).isNotNull();
			assertThat(ticket[4].isEmpty() || Instant.parse(ticket[4]).isAfter(Instant.parse(ticket[3]))).isTrue();
			assertThat(ticket[5]).isIn("true", "false");
		});
	}

	private static double perAccount(java.util.function.Function<AccountRows, List<?>> kind) {
		return rows.values().stream().mapToInt(account -> kind.apply(account).size()).average().orElseThrow();
	}

	private static double wau(AccountRows account, LocalDate day) {
		return account.usage().get(day).wau();
	}

	private static LocalDate earlier(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private static Predicate<PortfolioRow.Event> event(String type, LocalDate day) {
		return event -> event.type().equals(type) && event.occurredOn().equals(day);
	}

}
