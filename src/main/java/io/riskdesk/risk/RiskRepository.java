package io.riskdesk.risk;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.riskdesk.playbook.RiskCategory;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface RiskRepository extends ListCrudRepository<Risk, Long> {

	Optional<Risk> findByRiskKey(String riskKey);

	boolean existsByRiskKey(String riskKey);

	List<Risk> findByAccountIdAndCategoryAndStatusInOrderByRiskKey(long accountId, RiskCategory category,
			Collection<RiskStatus> status);

	@Query("select status from risk where risk_key = :riskKey")
	Optional<String> findStatusByRiskKey(String riskKey);

	@Query("select risk_key from risk where duplicate_of = :riskKey order by risk_key")
	List<String> findKeysByDuplicateOf(String riskKey);

}
