package io.riskdesk.plan;

import java.util.List;

import io.riskdesk.risk.OpenWork;
import io.riskdesk.risk.RiskEvents.RiskClosed;
import io.riskdesk.risk.RiskEvents.RiskResolved;

import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The plan's part in resolving a risk: its plan milestones still to do are open work the register
 * asks about, and they end as the resolver chose: carried into prevention (tracked on, their clocks
 * still counting) or dropped (their clocks stop). Closing drops any still to do.
 */
@Component
class OpenMilestones implements OpenWork {

	static final String DROPPED_ON_RESOLVE = "Dropped when the risk was resolved";

	static final String DROPPED_ON_CLOSE = "Dropped when the risk was closed";

	private final JdbcClient jdbc;

	private final CorrectiveActionPlans plans;

	/** Lazy: the register asks this for open work, and the plans use the register. */
	OpenMilestones(JdbcClient jdbc, @Lazy CorrectiveActionPlans plans) {
		this.jdbc = jdbc;
		this.plans = plans;
	}

	@Override
	public List<String> openOn(String riskKey) {
		return jdbc.sql("""
				select 'Milestone for ' || owner || ': ' || title
				       || ' (' || coalesce('due ' || due_date, 'no date yet') || ')'
				from cap_milestone where risk_key = :key and kind = 'PLAN' and status in ('TODO', 'DOING')
				order by position, id""")
			.param("key", riskKey)
			.query(String.class)
			.list();
	}

	@EventListener
	void on(RiskResolved resolved) {
		if (resolved.openWork() == Choice.DROP) {
			plans.dropOpenPlan(resolved.riskKey(), DROPPED_ON_RESOLVE, resolved.actor());
		}
		else if (resolved.openWork() == Choice.CARRY_AS_PREVENTION) {
			jdbc.sql("""
					update cap_milestone set kind = 'PREVENTION', version = version + 1
					where risk_key = :key and kind = 'PLAN' and status in ('TODO', 'DOING')""")
				.param("key", resolved.riskKey())
				.update();
		}
	}

	/** A closed risk's plan is final: what was added to it after resolving and is still to do ends dropped. */
	@EventListener
	void on(RiskClosed closed) {
		plans.dropOpenPlan(closed.riskKey(), DROPPED_ON_CLOSE, closed.actor());
	}

}
