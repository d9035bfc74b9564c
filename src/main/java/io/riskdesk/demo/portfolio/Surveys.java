package io.riskdesk.demo.portfolio;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

import io.riskdesk.demo.portfolio.Randoms.Part;

import static io.riskdesk.demo.portfolio.Randoms.between;
import static io.riskdesk.demo.portfolio.Randoms.chance;
import static io.riskdesk.demo.portfolio.Randoms.pick;

/**
 * An account's survey answers: a quarterly NPS survey answered by one to three people, 7 to 10
 * while all is well, and CSAT answers after support contacts (1-5). NPS_COLLAPSE brings a wave of
 * detractors (0-5) at its start and keeps every later answer at 6 or below.
 */
final class Surveys {

	private static final List<String> ROLES = List.of("Sponsor", "Admin", "End user", "Team lead", "Executive");

	private static final List<String> PROMOTER_COMMENTS = List.of("Reliable and easy to roll out",
			"Support answers fast", "Our teams use it every day", "Good value, reporting could be faster");

	private static final List<String> PASSIVE_COMMENTS = List.of("Fine overall; the new navigation takes getting used to",
			"Does the job, exports are slow");

	private static final List<String> DETRACTOR_COMMENTS = List.of("Too many outages this quarter",
			"We are not getting the value we were promised", "Hard to justify the cost, \"adoption\" is low",
			"Key workflow still missing, we are looking at alternatives");

	private Surveys() {
	}

	static List<PortfolioRow.Survey> of(PortfolioSpec spec, AccountPlan plan) {
		RandomGenerator random = Randoms.of(spec.seed(), plan.index, Part.SURVEYS);
		List<PortfolioRow.Survey> answers = new ArrayList<>();
		boolean collapse = plan.pattern == RiskPattern.NPS_COLLAPSE;
		for (LocalDate round = plan.npsAnchor; !round.isAfter(spec.end()); round = round.plusDays(91)) {
			int draw = random.nextInt(100);
			int respondents = draw < 75 ? 1 : draw < 95 ? 2 : 3;
			for (String role : roles(random, respondents)) {
				LocalDate day = round.plusDays(between(random, 0, 6));
				int score = collapse && plan.atRiskOn(day) ? between(random, 1, 6) : promoterOrPassive(random);
				answers.add(nps(plan, day, score, role, random));
			}
		}
		if (collapse) {
			List<String> roles = roles(random, between(random, 2, 3));
			for (int i = 0; i < roles.size(); i++) {
				LocalDate day = i == 0 ? plan.start : plan.start.plusDays(between(random, 0, 3));
				answers.add(new PortfolioRow.Survey(plan.externalId, day, "NPS", between(random, 0, 5), roles.get(i),
						pick(random, DETRACTOR_COMMENTS)));
			}
		}
		if (plan.blip == AccountPlan.Blip.NPS_PASSIVE) {
			answers.add(new PortfolioRow.Survey(plan.externalId, plan.blipOn, "NPS", 6, pick(random, ROLES),
					pick(random, PASSIVE_COMMENTS)));
		}
		double csatPerDay = Tickets.perDay(plan) * 0.05;
		for (LocalDate day = plan.activeFrom; !day.isAfter(spec.end()); day = day.plusDays(1)) {
			for (int n = Randoms.poisson(random, csatPerDay); n > 0; n--) {
				int draw = random.nextInt(100);
				int score = draw < 55 ? 5 : draw < 85 ? 4 : draw < 95 ? 3 : 2;
				answers.add(new PortfolioRow.Survey(plan.externalId, day, "CSAT", score,
						chance(random, 0.7) ? "End user" : "Admin", null));
			}
		}
		// One answer per day, kind, score and role (the table's key); a later duplicate adds nothing.
		Set<List<Object>> keys = new HashSet<>();
		answers.removeIf(answer -> answer.respondedOn().isBefore(plan.activeFrom)
				|| answer.respondedOn().isAfter(spec.end())
				|| !keys.add(List.of(answer.respondedOn(), answer.kind(), answer.score(), answer.respondentRole())));
		answers.sort(Comparator.comparing(PortfolioRow.Survey::respondedOn));
		return answers;
	}

	private static PortfolioRow.Survey nps(AccountPlan plan, LocalDate day, int score, String role,
			RandomGenerator random) {
		String comment = !chance(random, 0.4) ? null
				: pick(random, score >= 9 ? PROMOTER_COMMENTS : score >= 7 ? PASSIVE_COMMENTS : DETRACTOR_COMMENTS);
		return new PortfolioRow.Survey(plan.externalId, day, "NPS", score, role, comment);
	}

	private static int promoterOrPassive(RandomGenerator random) {
		int draw = random.nextInt(100);
		return draw < 20 ? 7 : draw < 50 ? 8 : draw < 80 ? 9 : 10;
	}

	/** Distinct respondent roles. */
	private static List<String> roles(RandomGenerator random, int count) {
		List<String> roles = new ArrayList<>(ROLES);
		List<String> chosen = new ArrayList<>();
		while (chosen.size() < count) {
			chosen.add(roles.remove(random.nextInt(roles.size())));
		}
		return chosen;
	}

}
