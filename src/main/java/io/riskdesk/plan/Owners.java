package io.riskdesk.plan;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

import io.riskdesk.core.InvalidFieldException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who owns a milestone: a person of the directory where one matches, else the name as typed
 * (customer-side owners are not in the directory). Reads the account module's published view
 * {@code person_facts}.
 */
@Component
class Owners {

	/** The owner as stored: {@code name} to show, {@code personId} null for free text. */
	record Owner(String name, Long personId) {
	}

	private record Person(long id, String name, String email) {
	}

	private final JdbcClient jdbc;

	Owners(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The person {@code ownerId} names (400 on {@code ownerId} when there is none), else the one
	 * person whose full name or e-mail is {@code owner}, ignoring case and accents ("jose garcia"
	 * is José García), else {@code owner} as free text.
	 */
	Owner resolve(String owner, Long ownerId) {
		if (ownerId != null) {
			return jdbc.sql("select id, name, email from person_facts where id = :id")
				.param("id", ownerId)
				.query(Person.class)
				.optional()
				.map(p -> new Owner(p.name(), p.id()))
				.orElseThrow(() -> new InvalidFieldException("ownerId", "no person of the directory has id " + ownerId));
		}
		if (owner == null || owner.isBlank()) {
			throw new InvalidFieldException("owner", "is required: a person's name or e-mail, or ownerId");
		}
		String typed = owner.strip();
		String wanted = folded(typed);
		// The directory is small (the internal people); accents are folded here, not by a database extension.
		List<Person> matches = jdbc.sql("select id, name, email from person_facts")
			.query(Person.class)
			.stream()
			.filter(p -> folded(p.name()).equals(wanted) || folded(p.email()).equals(wanted))
			.toList();
		return matches.size() == 1 ? new Owner(matches.get(0).name(), matches.get(0).id()) : new Owner(typed, null);
	}

	/** Lower case without accents and with single spaces: how two spellings of one name compare. */
	static String folded(String text) {
		String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return decomposed.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

}
