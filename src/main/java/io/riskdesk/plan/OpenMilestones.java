package io.riskdesk.plan;

import java.sql.Timestamp;
import java.util.List;

import io.riskdesk.risk.OpenWork;
import io.riskdesk.risk.RiskEvents.RiskResolved;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The plan's part in resolving a risk: its open milestones are open work the register asks
 * about, and they end as the resolver chose (carried into prevention, or dropped).
 */
@Component
class OpenMilestones implements OpenWork {

	private final JdbcClient jdbc;

	OpenMilestones(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<String> openOn(String riskKey) {
		return jdbc.sql("""
				select 'Milestone for ' || owner || ': ' || title || ' (due ' || due_date || ')'
				from cap_milestone where risk_key = :key and status = 'OPEN' order by due_date, id""")
			.param("key", riskKey)
			.query(String.class)
			.list();
	}

	@EventListener
	void on(RiskResolved resolved) {
		if (resolved.openWork() == null) {
			return;
		}
		MilestoneStatus end = resolved.openWork() == Choice.DROP ? MilestoneStatus.DROPPED : MilestoneStatus.CARRIED;
		jdbc.sql("""
				update cap_milestone set status = :end, done_at = :at, done_by = :actor, version = version + 1
				where risk_key = :key and status = 'OPEN'""")
			.param("end", end.name())
			.param("at", Timestamp.from(resolved.at()))
			.param("actor", resolved.actor())
			.param("key", resolved.riskKey())
			.update();
	}

}
