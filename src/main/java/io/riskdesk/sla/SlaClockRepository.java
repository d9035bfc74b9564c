package io.riskdesk.sla;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface SlaClockRepository extends ListCrudRepository<SlaClock, Long> {

	List<SlaClock> findByRiskKey(String riskKey);

	/** For the kinds a risk has one of (not MILESTONE). */
	Optional<SlaClock> findByRiskKeyAndKind(String riskKey, ClockKind kind);

	Optional<SlaClock> findByMilestoneId(long milestoneId);

	@Query("select milestone_id from sla_clock where milestone_id is not null")
	List<Long> milestoneIdsWithClock();

}
