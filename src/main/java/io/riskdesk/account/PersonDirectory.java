package io.riskdesk.account;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.riskdesk.core.ConflictException;
import io.riskdesk.core.NotFoundException;
import io.riskdesk.web.Versions;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The directory of internal people: who owns risks, sits on account teams and gets notified. */
@Service
@Transactional
public class PersonDirectory {

	private final PersonRepository people;

	PersonDirectory(PersonRepository people) {
		this.people = people;
	}

	public PersonView create(PersonForm form) {
		requireUniqueEmail(form.email(), null);
		return people.save(new Person(form.name().strip(), form.email().strip(), normalizeHandle(form.slackHandle())))
			.view();
	}

	public PersonView update(long id, Integer expectedVersion, PersonForm form) {
		Person person = load(id);
		Versions.check(expectedVersion, person.getVersion(), "Person " + id);
		requireUniqueEmail(form.email(), id);
		person.update(form.name().strip(), form.email().strip(), normalizeHandle(form.slackHandle()));
		return people.save(person).view();
	}

	@Transactional(readOnly = true)
	public PersonView get(long id) {
		return load(id).view();
	}

	@Transactional(readOnly = true)
	public Optional<PersonView> findByEmail(String email) {
		return people.findByEmailIgnoreCase(email).map(Person::view);
	}

	/** The one person of this name, ignoring case; empty when nobody or several people have it. */
	@Transactional(readOnly = true)
	public Optional<PersonView> findByName(String name) {
		List<Person> found = people.findByNameIgnoreCase(name.strip());
		return found.size() == 1 ? Optional.of(found.get(0).view()) : Optional.empty();
	}

	@Transactional(readOnly = true)
	public Page<PersonView> list(Pageable pageable) {
		return people.findAll(pageable).map(Person::view);
	}

	/** The people with these ids, by id; unknown ids are absent from the map. */
	@Transactional(readOnly = true)
	public Map<Long, PersonView> findAll(Collection<Long> ids) {
		return people.findAllById(ids)
			.stream()
			.map(Person::view)
			.collect(Collectors.toMap(PersonView::id, Function.identity()));
	}

	@Transactional(readOnly = true)
	public boolean exists(long id) {
		return people.existsById(id);
	}

	private Person load(long id) {
		return people.findById(id).orElseThrow(() -> new NotFoundException("Person", id));
	}

	private void requireUniqueEmail(String email, Long exceptId) {
		people.findByEmailIgnoreCase(email.strip())
			.filter(existing -> !existing.getId().equals(exceptId))
			.ifPresent(existing -> {
				throw new ConflictException("A person with email " + email + " already exists (id " + existing.getId() + ")");
			});
	}

	private static String normalizeHandle(String handle) {
		if (handle == null || handle.isBlank()) {
			return null;
		}
		return handle.startsWith("@") ? handle : "@" + handle;
	}

}
