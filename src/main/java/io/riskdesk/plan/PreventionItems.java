package io.riskdesk.plan;

import io.riskdesk.risk.RiskEvents;
import io.riskdesk.risk.RiskEvents.RiskResolved;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The prevention items a risk is resolved with are tracked like milestones from then on: each
 * becomes a PREVENTION milestone with its owner (matched against the directory) and due date,
 * with its SLA clock. Resolving again (after a reopen) with the same item does not add it twice.
 */
@Component
class PreventionItems {

	private final CorrectiveActionPlans plans;

	private final JdbcClient jdbc;

	PreventionItems(CorrectiveActionPlans plans, JdbcClient jdbc) {
		this.plans = plans;
		this.jdbc = jdbc;
	}

	@EventListener
	void on(RiskResolved resolved) {
		for (RiskEvents.Prevention item : resolved.prevention()) {
			if (!tracked(resolved.riskKey(), item)) {
				plans.addPrevention(resolved.riskKey(), new NewMilestone(item.text().strip(), item.owner(), item.due()),
						resolved.actor());
			}
		}
	}

	private boolean tracked(String riskKey, RiskEvents.Prevention item) {
		return jdbc.sql("""
				select exists (select 1 from cap_milestone where risk_key = :key and kind = 'PREVENTION'
				               and title = :title and due_date = :due)""")
			.param("key", riskKey)
			.param("title", item.text().strip())
			.param("due", java.sql.Date.valueOf(item.due()))
			.query(Boolean.class)
			.single();
	}

}
