package io.riskdesk.account;

import java.net.URI;

import io.riskdesk.web.Versions;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/people")
@Tag(name = "People")
class PersonController {

	private final PersonDirectory people;

	PersonController(PersonDirectory people) {
		this.people = people;
	}

	@GetMapping
	PagedModel<PersonView> list(@PageableDefault(size = 100, sort = "name") Pageable pageable) {
		return new PagedModel<>(people.list(pageable));
	}

	@GetMapping("/{id}")
	ResponseEntity<PersonView> get(@PathVariable long id) {
		PersonView person = people.get(id);
		return ResponseEntity.ok().eTag(Versions.etag(person.version())).body(person);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	ResponseEntity<PersonView> create(@Valid @RequestBody PersonForm form) {
		PersonView person = people.create(form);
		return ResponseEntity.created(URI.create("/api/people/" + person.id()))
			.eTag(Versions.etag(person.version()))
			.body(person);
	}

	@PutMapping("/{id}")
	ResponseEntity<PersonView> update(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody PersonForm form) {
		PersonView person = people.update(id, Versions.required(ifMatch), form);
		return ResponseEntity.ok().eTag(Versions.etag(person.version())).body(person);
	}

}
