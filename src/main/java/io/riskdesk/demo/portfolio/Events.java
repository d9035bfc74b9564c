package io.riskdesk.demo.portfolio;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import io.riskdesk.demo.portfolio.Randoms.Part;

import static io.riskdesk.demo.portfolio.Randoms.between;
import static io.riskdesk.demo.portfolio.Randoms.chance;
import static io.riskdesk.demo.portfolio.Randoms.pick;

/**
 * An account's events: quarterly HEALTH_GREEN reviews while all is well, FIRST_VALUE_REACHED when an
 * onboarding account gets there, a rare harmless blip, and the events of the injected pattern.
 */
final class Events {

	private static final Map<String, List<String>> NOTES = Map.ofEntries(
			Map.entry("HEALTH_GREEN", List.of("Quarterly health review: on track", "Health review: adoption on plan")),
			Map.entry("HEALTH_YELLOW",
					List.of("Health review: engagement slipping, watch", "Health review: open issues piling up")),
			Map.entry("HEALTH_RED", List.of("Health review: renewal in doubt", "Health review: customer unresponsive")),
			Map.entry("FIRST_VALUE_REACHED", List.of("First use case live in production", "Customer confirmed first value")),
			Map.entry("CHANGE_FREEZE", List.of("Year-end change freeze at the customer", "Change freeze during their audit")),
			Map.entry("SPONSOR_LEFT",
					List.of("Executive sponsor left the company", "Sponsor moved to another division, no successor named")),
			Map.entry("POC_LEFT", List.of("Main point of contact resigned", "Admin and point of contact left")),
			Map.entry("BUDGET_FREEZE", List.of("Customer froze discretionary spend until next fiscal year")),
			Map.entry("PROCUREMENT_DELAY", List.of("Procurement holds payments pending a vendor review")),
			Map.entry("OUTAGE_ALL_USERS", List.of("Outage of 3 hours for all users of the tenant")),
			Map.entry("OUTAGE_PARTIAL", List.of("Partial outage: sign-in failed for one region")),
			Map.entry("SECURITY_INCIDENT", List.of("Security incident: credentials of one admin misused")),
			Map.entry("MISSING_CAPABILITY", List.of("Needs multi-entity consolidation for the finance use case",
					"Needs an on-premises connector we do not have")),
			Map.entry("ROADMAP_DEPENDENCY", List.of("Rollout waits for a roadmap item without a date")),
			Map.entry("NEGATIVE_EXEC_FEEDBACK", List.of("CIO says the product does not fit their direction",
					"COO questioned the value at the business review")));

	private Events() {
	}

	static List<PortfolioRow.Event> of(PortfolioSpec spec, AccountPlan plan) {
		RandomGenerator random = Randoms.of(spec.seed(), plan.index, Part.EVENTS);
		List<PortfolioRow.Event> events = new ArrayList<>();
		if (plan.reviewAnchor != null) {
			for (LocalDate day = plan.reviewAnchor; !day.isAfter(spec.end()); day = day.plusDays(91)) {
				if (!plan.atRiskOn(day)) {
					events.add(event(plan, day, "HEALTH_GREEN", random));
				}
			}
		}
		if (plan.firstValueReachedOn != null) {
			events.add(event(plan, plan.firstValueReachedOn, "FIRST_VALUE_REACHED", random));
		}
		if (plan.blip == AccountPlan.Blip.HEALTH_YELLOW) {
			events.add(event(plan, plan.blipOn, "HEALTH_YELLOW", random));
			events.add(event(plan, plan.blipOn.plusDays(between(random, 14, 28)), "HEALTH_GREEN", random));
		}
		if (plan.blip == AccountPlan.Blip.CHANGE_FREEZE) {
			events.add(event(plan, plan.blipOn, "CHANGE_FREEZE", random));
		}
		switch (plan.pattern) {
			case SPONSOR_DEPARTURE -> {
				events.add(event(plan, plan.start, "SPONSOR_LEFT", random));
				if (chance(random, 0.3)) {
					events.add(event(plan, plan.start.plusDays(between(random, 20, 40)), "POC_LEFT", random));
				}
			}
			case NPS_COLLAPSE -> {
				events.add(event(plan, plan.start.plusDays(between(random, 3, 10)), "HEALTH_YELLOW", random));
				events.add(event(plan, plan.start.plusDays(between(random, 14, 30)), "HEALTH_RED", random));
			}
			case MISSING_CAPABILITY -> {
				events.add(event(plan, plan.start, "MISSING_CAPABILITY", random));
				events.add(event(plan, plan.start.plusDays(between(random, 7, 21)), "ROADMAP_DEPENDENCY", random));
				events.add(event(plan, plan.start.plusDays(between(random, 21, 45)), "NEGATIVE_EXEC_FEEDBACK", random));
			}
			case UNPAID_INVOICES, SERVICE_INCIDENT -> {
				if (plan.riskEvent != null) {
					events.add(event(plan, plan.riskEventOn, plan.riskEvent, random));
				}
			}
			case NONE, GRADUAL_USAGE_DECLINE, ADOPTION_COLLAPSE, FIRST_VALUE_SLIPPING, SUPPORT_STORM -> {
			}
		}
		// One event per day and type (the table's key).
		Set<List<Object>> keys = new HashSet<>();
		events.removeIf(event -> event.occurredOn().isBefore(plan.activeFrom) || event.occurredOn().isAfter(spec.end())
				|| !keys.add(List.of(event.occurredOn(), event.type())));
		events.sort(Comparator.comparing(PortfolioRow.Event::occurredOn));
		return events;
	}

	private static PortfolioRow.Event event(AccountPlan plan, LocalDate day, String type, RandomGenerator random) {
		return new PortfolioRow.Event(plan.externalId, day, type, pick(random, NOTES.get(type)));
	}

}
