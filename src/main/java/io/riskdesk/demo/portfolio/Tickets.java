package io.riskdesk.demo.portfolio;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import io.riskdesk.demo.portfolio.Randoms.Part;

import static io.riskdesk.demo.portfolio.Randoms.between;
import static io.riskdesk.demo.portfolio.Randoms.chance;
import static io.riskdesk.demo.portfolio.Randoms.pick;

/**
 * An account's support tickets: a Poisson number a day (fewer at weekends, more for more seats),
 * mostly SEV3/SEV4, the occasional SEV1 resolved within three days; plus the tickets of a support
 * storm or a service incident. Opened in the account's working hours; open if not resolved by the
 * end of the period.
 */
final class Tickets {

	private static final Map<String, List<String>> SUBJECTS = Map.of(
			"SEV1", List.of("Production outage: application unavailable", "Data sync stopped for all users",
					"Login fails for every SSO user", "Nightly export job failing", "Payments integration returns errors"),
			"SEV2", List.of("Reports time out for large date ranges", "Webhook deliveries delayed by hours",
					"Dashboard widgets show stale data", "Bulk import rejects valid rows", "Mobile app crashes on sign-in"),
			"SEV3", List.of("Slow search on the accounts page", "CSV export misses the custom fields",
					"Email notifications arrive twice", "Managers cannot edit shared views",
					"Chart labels overlap on small screens"),
			"SEV4", List.of("How do I add a new admin?", "Request: dark mode", "Question about API rate limits",
					"Invoice address change", "Training materials for new hires", "Feature request: saved filters"));

	private static final List<String> STORM_SUBJECTS = List.of("Critical workflow fails since the last release",
			"Scheduled jobs lose data, customer escalated", "Approvals stuck in pending, \"retry\" does not help");

	private static final List<String> WORKAROUND_SUBJECTS = List.of("Manual re-run needed after every import",
			"Exports split by hand to avoid the timeout", "Users re-enter data the sync dropped");

	private static final Map<String, String> INCIDENT_SUBJECTS = Map.of("OUTAGE_ALL_USERS",
			"Outage: service unavailable for all users", "OUTAGE_PARTIAL", "Partial outage: some users cannot sign in",
			"SECURITY_INCIDENT", "Security incident: suspicious access to the tenant");

	private record Draft(String severity, Instant openedAt, Duration open, boolean workaround, String subject) {
	}

	private Tickets() {
	}

	/** The mean number of tickets a day: more seats, more tickets, but not without limit. */
	static double perDay(AccountPlan plan) {
		return Math.min(8, 0.115 * Math.sqrt(plan.seats)) / 30.4;
	}

	static List<PortfolioRow.Ticket> of(PortfolioSpec spec, AccountPlan plan) {
		RandomGenerator random = Randoms.of(spec.seed(), plan.index, Part.TICKETS);
		ZoneId zone = ZoneId.of(plan.place.timeZone());
		List<Draft> drafts = new ArrayList<>();
		double perDay = perDay(plan);
		for (LocalDate day = plan.activeFrom; !day.isAfter(spec.end()); day = day.plusDays(1)) {
			boolean weekend = day.getDayOfWeek().getValue() >= 6;
			for (int n = Randoms.poisson(random, perDay * (weekend ? 0.25 : 1.3)); n > 0; n--) {
				String severity = severity(random);
				boolean workaround = (severity.equals("SEV2") || severity.equals("SEV3")) && chance(random, 0.07);
				drafts.add(new Draft(severity, openedAt(random, day, zone), resolution(random, severity), workaround,
						pick(random, SUBJECTS.get(severity))));
			}
		}
		if (plan.pattern == RiskPattern.SUPPORT_STORM) {
			drafts.add(new Draft("SEV1", morning(random, plan.start, zone), Duration.ofDays(between(random, 10, 40)),
					false, pick(random, STORM_SUBJECTS)));
			drafts.add(new Draft("SEV1", morning(random, plan.secondSev1On, zone),
					Duration.ofHours(between(random, 48, 144)), false, pick(random, STORM_SUBJECTS)));
			for (int n = between(random, 3, 5); n > 0; n--) {
				drafts.add(new Draft(chance(random, 0.5) ? "SEV2" : "SEV3",
						openedAt(random, plan.start.plusDays(between(random, 0, 28)), zone),
						Duration.ofDays(between(random, 5, 20)), true, pick(random, WORKAROUND_SUBJECTS)));
			}
		}
		if (plan.pattern == RiskPattern.SERVICE_INCIDENT) {
			drafts.add(new Draft("SEV1", morning(random, plan.start, zone), Duration.ofHours(between(random, 2, 30)),
					false, INCIDENT_SUBJECTS.get(plan.riskEvent)));
		}
		Instant periodEnd = spec.end().plusDays(1).atStartOfDay(zone).toInstant();
		drafts.removeIf(draft -> !draft.openedAt().isBefore(periodEnd));
		drafts.sort(Comparator.comparing(Draft::openedAt));
		List<PortfolioRow.Ticket> tickets = new ArrayList<>(drafts.size());
		for (Draft draft : drafts) {
			Instant resolvedAt = draft.openedAt().plus(draft.open());
			tickets.add(new PortfolioRow.Ticket(plan.externalId,
					String.format("TKT-%s-%04d", plan.externalId.substring(4), tickets.size() + 1), draft.severity(),
					draft.openedAt(), resolvedAt.isBefore(periodEnd) ? resolvedAt : null, draft.workaround(),
					draft.subject()));
		}
		return tickets;
	}

	private static String severity(RandomGenerator random) {
		int draw = random.nextInt(100);
		return draw < 1 ? "SEV1" : draw < 10 ? "SEV2" : draw < 60 ? "SEV3" : "SEV4";
	}

	/** SEV1 within 3 days; the lower the severity, the longer it may wait. */
	private static Duration resolution(RandomGenerator random, String severity) {
		return Duration.ofHours(switch (severity) {
			case "SEV1" -> between(random, 4, 72);
			case "SEV2" -> between(random, 8, 240);
			case "SEV3" -> between(random, 24, 480);
			default -> between(random, 24, 720);
		});
	}

	/** Working hours, 08:00 to 18:00 in the account's zone, to the minute. */
	private static Instant openedAt(RandomGenerator random, LocalDate day, ZoneId zone) {
		return day.atStartOfDay(zone).plusMinutes(between(random, 8 * 60, 18 * 60 - 1)).toInstant();
	}

	/**
	 * 08:00 to 12:00: a pattern's tickets fall on their day in UTC too from the Americas (and earlier
	 * from Asia), so a detector counting days in UTC sees them by the truth's detectable day.
	 */
	private static Instant morning(RandomGenerator random, LocalDate day, ZoneId zone) {
		return day.atStartOfDay(zone).plusMinutes(between(random, 8 * 60, 12 * 60 - 1)).toInstant();
	}

}
