package io.riskdesk.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

interface PersonRepository extends ListCrudRepository<Person, Long>, PagingAndSortingRepository<Person, Long> {

	@Query("select * from person where lower(email) = lower(:email)")
	Optional<Person> findByEmailIgnoreCase(String email);

	@Query("select * from person where lower(name) = lower(:name) order by id limit 2")
	List<Person> findByNameIgnoreCase(String name);

}
