package io.riskdesk.account;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

interface AccountRepository extends ListCrudRepository<Account, Long>, PagingAndSortingRepository<Account, Long> {

	@Query("select * from account where lower(name) = lower(:name)")
	Optional<Account> findByNameIgnoreCase(String name);

	Optional<Account> findByExternalId(String externalId);

}
