package io.riskdesk.sla;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface SlaClockRepository extends ListCrudRepository<SlaClock, Long> {

	List<SlaClock> findByRiskKey(String riskKey);

	/** For the kinds a risk has one of (not MILESTONE). */
	Optional<SlaClock> findByRiskKeyAndKind(String riskKey, ClockKind kind);

	Optional<SlaClock> findByMilestoneId(long milestoneId);

	/** Which of these milestones have a clock (at most the ones asked about, not the whole history). */
	@Query("select milestone_id from sla_clock where milestone_id in (:milestoneIds)")
	List<Long> milestoneIdsWithClock(Collection<Long> milestoneIds);

}
