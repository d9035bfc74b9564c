package io.riskdesk.sla;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface SlaClockRepository extends ListCrudRepository<SlaClock, Long> {

	List<SlaClock> findByRiskKey(String riskKey);

	Optional<SlaClock> findByRiskKeyAndKind(String riskKey, ClockKind kind);

}
