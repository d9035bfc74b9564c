package io.riskdesk.similar;

import java.util.Comparator;
import java.util.List;

import io.riskdesk.plan.CorrectiveActionPlans;
import io.riskdesk.plan.Milestone;
import io.riskdesk.plan.MilestoneKind;
import io.riskdesk.plan.MilestoneStatus;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.risk.Outcome;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resolved and closed risks most like a given one, best first ({@link SimilarRiskRanking}), each
 * with the corrective action plan that resolved it.
 */
@Service
public class SimilarPastRisks {

	/** How many past risks a risk is shown. */
	public static final int LIMIT = 5;

	/** Done milestones first: what worked is what a reader looks for. */
	private static final Comparator<Milestone> DONE_FIRST = Comparator
		.comparing((Milestone m) -> m.status() != MilestoneStatus.DONE)
		.thenComparing(Milestone::position);

	private final SimilarRiskRanking ranking;

	private final RiskRegister risks;

	private final CorrectiveActionPlans plans;

	SimilarPastRisks(JdbcClient jdbc, RiskRegister risks, CorrectiveActionPlans plans) {
		this.ranking = new SimilarRiskRanking(jdbc);
		this.risks = risks;
		this.plans = plans;
	}

	/** Up to {@link #LIMIT} resolved or closed risks like this one, never itself nor a duplicate; 404 for an unknown key. */
	@Transactional(readOnly = true)
	public List<SimilarRisk> of(String riskKey) {
		risks.requireExists(riskKey);
		return ranking.rank(riskKey, LIMIT,
				(rs, n) -> new SimilarRisk(rs.getString("risk_key"), rs.getString("title"), rs.getString("account"),
						RiskCategory.valueOf(rs.getString("category")), enumOrNull(Severity.class, rs.getString("severity")),
						RiskStatus.valueOf(rs.getString("status")), rs.getDouble("score"), rs.getString("root_cause"),
						planOf(rs.getString("risk_key")), rs.getObject("seconds_to_resolve", Long.class),
						enumOrNull(Outcome.class, rs.getString("outcome"))));
	}

	/** The corrective action plan's milestones; prevention items are tracked after the resolution, not part of it. */
	private List<Milestone> planOf(String riskKey) {
		return plans.of(riskKey)
			.stream()
			.filter(m -> m.kind() == MilestoneKind.PLAN)
			.sorted(DONE_FIRST)
			.toList();
	}

	private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}

}
