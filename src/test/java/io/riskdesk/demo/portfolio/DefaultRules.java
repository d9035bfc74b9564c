package io.riskdesk.demo.portfolio;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The default detection rules of issue 10 in plain Java, written for these tests only: what fires for
 * one account on one day, from that account's rows up to that day. Tickets count on their day in the
 * account's zone; a day's evaluation sees that whole day.
 */
final class DefaultRules {

	enum Rule {
		USAGE_DROP, ADOPTION_COLLAPSE, FIRST_VALUE_SLIPPING, SEV1_REPEAT, SEV1_UNRESOLVED, WORKAROUNDS, UNPAID_INVOICE,
		LOW_NPS, HEALTH_NOT_GREEN, RISK_EVENT
	}

	static final int FLOOR = 10;

	private static final Set<String> RISK_EVENTS = Set.of("SPONSOR_LEFT", "POC_LEFT", "REORG", "COMPETING_PRIORITIES",
			"CHANGE_FREEZE", "BUDGET_FREEZE", "PROCUREMENT_DELAY", "MISSING_CAPABILITY", "ROADMAP_DEPENDENCY",
			"NEGATIVE_EXEC_FEEDBACK", "OUTAGE_ALL_USERS", "OUTAGE_PARTIAL", "SECURITY_INCIDENT");

	/** One account's rows. */
	record AccountRows(PortfolioRow.Account account, PortfolioRow.Truth truth, Map<LocalDate, PortfolioRow.Usage> usage,
			List<PortfolioRow.Ticket> tickets, List<PortfolioRow.Invoice> invoices, List<PortfolioRow.Survey> surveys,
			List<PortfolioRow.Event> events) {

		boolean healthy() {
			return truth.pattern() == RiskPattern.NONE;
		}

		LocalDate localDay(java.time.Instant instant) {
			return LocalDate.ofInstant(instant, ZoneId.of(account.timeZone()));
		}

	}

	private DefaultRules() {
	}

	/** Every account's rows, by external id, in index order. */
	static Map<String, AccountRows> rows(PortfolioGenerator generator) {
		Map<String, List<PortfolioRow.Usage>> usage = byAccount(generator.usage().toList(), PortfolioRow.Usage::account);
		Map<String, List<PortfolioRow.Ticket>> tickets = byAccount(generator.tickets().toList(), PortfolioRow.Ticket::account);
		Map<String, List<PortfolioRow.Invoice>> invoices = byAccount(generator.invoices().toList(),
				PortfolioRow.Invoice::account);
		Map<String, List<PortfolioRow.Survey>> surveys = byAccount(generator.surveys().toList(), PortfolioRow.Survey::account);
		Map<String, List<PortfolioRow.Event>> events = byAccount(generator.events().toList(), PortfolioRow.Event::account);
		Map<String, PortfolioRow.Truth> truth = generator.truth()
			.collect(Collectors.toMap(PortfolioRow.Truth::account, Function.identity()));
		Map<String, AccountRows> rows = new TreeMap<>();
		generator.accounts().forEach(account -> {
			String id = account.externalId();
			rows.put(id, new AccountRows(account, truth.get(id),
					usage.getOrDefault(id, List.of()).stream()
						.collect(Collectors.toMap(PortfolioRow.Usage::day, Function.identity())),
					tickets.getOrDefault(id, List.of()), invoices.getOrDefault(id, List.of()),
					surveys.getOrDefault(id, List.of()), events.getOrDefault(id, List.of())));
		});
		return rows;
	}

	private static <T> Map<String, List<T>> byAccount(List<T> rows, Function<T, String> account) {
		return rows.stream().collect(Collectors.groupingBy(account));
	}

	static Set<Rule> fired(AccountRows rows, LocalDate day) {
		Set<Rule> fired = EnumSet.noneOf(Rule.class);
		PortfolioRow.Usage today = rows.usage().get(day);
		PortfolioRow.Usage monthAgo = rows.usage().get(day.minusDays(30));
		PortfolioRow.Usage twoWeeksAgo = rows.usage().get(day.minusDays(14));
		if (today != null && monthAgo != null
				&& (drop(monthAgo.wau(), today.wau()) > 0.30 || drop(monthAgo.mau(), today.mau()) > 0.30)) {
			fired.add(Rule.USAGE_DROP);
		}
		if (today != null && twoWeeksAgo != null && drop(twoWeeksAgo.wau(), today.wau()) > 0.40) {
			fired.add(Rule.ADOPTION_COLLAPSE);
		}
		LocalDate due = rows.account().firstValueDue();
		if (due != null && due.isBefore(day) && rows.events()
			.stream()
			.noneMatch(e -> e.type().equals("FIRST_VALUE_REACHED") && !e.occurredOn().isAfter(day))) {
			fired.add(Rule.FIRST_VALUE_SLIPPING);
		}
		long sev1 = rows.tickets()
			.stream()
			.filter(t -> t.severity().equals("SEV1") && within30(rows.localDay(t.openedAt()), day))
			.count();
		if (sev1 >= 2) {
			fired.add(Rule.SEV1_REPEAT);
		}
		if (rows.tickets()
			.stream()
			.anyMatch(t -> t.severity().equals("SEV1") && !rows.localDay(t.openedAt()).isAfter(day.minusDays(7))
					&& (t.resolvedAt() == null || rows.localDay(t.resolvedAt()).isAfter(day)))) {
			fired.add(Rule.SEV1_UNRESOLVED);
		}
		if (rows.tickets().stream().filter(t -> t.workaround() && within30(rows.localDay(t.openedAt()), day)).count() >= 3) {
			fired.add(Rule.WORKAROUNDS);
		}
		if (rows.invoices()
			.stream()
			.anyMatch(i -> i.dueDate().plusDays(30).isBefore(day) && (i.paidDate() == null || i.paidDate().isAfter(day)))) {
			fired.add(Rule.UNPAID_INVOICE);
		}
		rows.surveys()
			.stream()
			.filter(s -> s.kind().equals("NPS") && !s.respondedOn().isAfter(day))
			.max(Comparator.comparing(PortfolioRow.Survey::respondedOn))
			.filter(s -> s.score() <= 6)
			.ifPresent(s -> fired.add(Rule.LOW_NPS));
		rows.events()
			.stream()
			.filter(e -> e.type().startsWith("HEALTH_") && !e.occurredOn().isAfter(day))
			.max(Comparator.comparing(PortfolioRow.Event::occurredOn))
			.filter(e -> !e.type().equals("HEALTH_GREEN"))
			.ifPresent(e -> fired.add(Rule.HEALTH_NOT_GREEN));
		if (rows.events().stream().anyMatch(e -> RISK_EVENTS.contains(e.type()) && within30(e.occurredOn(), day))) {
			fired.add(Rule.RISK_EVENT);
		}
		return fired;
	}

	/** The share lost from {@code before} to {@code after}; none below the floor of 10 users. */
	private static double drop(int before, int after) {
		return before < FLOOR ? 0 : (before - after) / (double) before;
	}

	private static boolean within30(LocalDate date, LocalDate day) {
		return !date.isAfter(day) && date.isAfter(day.minusDays(30));
	}

}
