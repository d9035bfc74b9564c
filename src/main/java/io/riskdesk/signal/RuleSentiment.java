package io.riskdesk.signal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.riskdesk.playbook.DetectionPolicy;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Sentiment: a detractor on the latest NPS day (health and exec feedback are events, in {@link RuleEvents}). */
class RuleSentiment implements RuleFamily {

	private final JdbcClient jdbc;

	RuleSentiment(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The answers of the latest day on or before as_of the account answered NPS; one answer at or
	 * below the threshold fires. A later day's answers replace them, so a newer NPS clears it.
	 */
	@Override
	public List<Finding> find(DetectionPolicy policy, DetectionScope scope) {
		DetectionPolicy.Rule rule = policy.rule(DetectionPolicy.NPS_DETRACTOR);
		int atOrBelow = policy.sentiment().nps().atOrBelow();
		return scope.sql(jdbc, """
				, latest as (
				    select v.account_id, max(v.responded_on) as day
				    from telemetry_survey v join scope s on s.id = v.account_id
				    where v.kind = 'NPS' and v.responded_on <= s.as_of
				    group by v.account_id
				)
				select l.account_id, l.day, min(v.score) as lowest,
				       array_agg(v.score order by v.score, v.respondent_role) as scores,
				       array_agg(v.respondent_role order by v.score, v.respondent_role) as roles
				from latest l
				join telemetry_survey v on v.account_id = l.account_id and v.responded_on = l.day and v.kind = 'NPS'
				group by l.account_id, l.day
				having min(v.score) <= :atOrBelow
				order by l.account_id""")
			.param("atOrBelow", atOrBelow)
			.query((rs, n) -> {
				LocalDate day = rs.getObject("day", LocalDate.class);
				List<Integer> scores = RuleFamily.integers(rs, "scores");
				String[] roles = (String[]) rs.getArray("roles").getArray();
				List<String> answers = new ArrayList<>();
				List<String> records = new ArrayList<>();
				for (int i = 0; i < scores.size(); i++) {
					String by = roles[i].isEmpty() ? "" : " by " + roles[i];
					answers.add(scores.get(i) + by);
					if (scores.get(i) <= atOrBelow) {
						records.add("NPS " + day + " score " + scores.get(i) + by);
					}
				}
				int lowest = rs.getInt("lowest");
				Map<String, Object> measured = new LinkedHashMap<>();
				measured.put("day", day.toString());
				measured.put("lowest", lowest);
				measured.put("scores", scores);
				String explanation = (scores.size() == 1 ? "NPS " + answers.get(0) + " on " + day
						: "NPS on " + day + ": " + String.join(", ", answers) + "; lowest " + lowest) + ": " + lowest + " ≤ "
						+ atOrBelow;
				return Finding.of(rs.getLong("account_id"), rule, day, measured, explanation, records);
			})
			.list();
	}

}
