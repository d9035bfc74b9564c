package io.riskdesk.intake;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.riskdesk.account.AccountDetails;
import io.riskdesk.account.Accounts;
import io.riskdesk.account.PersonDirectory;
import io.riskdesk.intake.ExtractionDraft.ActionItem;
import io.riskdesk.intake.ExtractionDraft.Attendee;
import io.riskdesk.intake.NamedPerson.MatchedBy;

import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * The people of a document (its author, attendees and action owners) matched to the people directory and
 * the account's contacts: by e-mail, by full name (case and accents aside), by chat handle
 * ({@code jonas.berg} is Jonas Berg, or the directory's Slack handle), or by a first name that only one
 * person of the account's team and contacts has. A name that matches nobody, or several, stays as written.
 */
@Component
class DocumentPeople {

	private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

	private static final Pattern HANDLE = Pattern.compile("@?[a-z][\\w.-]*[a-z0-9]");

	private final PersonDirectory directory;

	private final Accounts accounts;

	DocumentPeople(PersonDirectory directory, Accounts accounts) {
		this.directory = directory;
		this.accounts = accounts;
	}

	/** Someone a name may stand for: a person of the directory ({@code id} set) or a contact of the account. */
	private record Known(Long id, String name, String email, String handle, boolean onAccount) {
	}

	/** @param accountId the account the import goes to, or null for a new one (no team, no contacts) */
	List<NamedPerson> of(ExtractionDraft draft, Long accountId) {
		Map<String, Mention> mentions = new LinkedHashMap<>();
		if (draft.author() != null) {
			mention(mentions, draft.author().name(), draft.author().span().text(), draft.author().email(), "author");
		}
		for (Attendee attendee : draft.attendees()) {
			mention(mentions, attendee.name(), attendee.span().text(), null, "attendee");
		}
		for (ActionItem item : draft.actionItems()) {
			if (item.owner() != null) {
				mention(mentions, item.owner(), item.owner(), null, "owner");
			}
		}
		List<Known> known = known(accountId);
		return mentions.values().stream().map(m -> m.matched(known)).toList();
	}

	/**
	 * The directory person each action owner's name stands for, matched as the review matches names (so
	 * "Priya" is the account team's Priya Raman); empty for a name that matches nobody of the directory, or
	 * several people of the same name, none of them or several on the account's team.
	 * @param accountId the account the import goes to
	 */
	Function<String, Optional<Long>> directoryIds(Long accountId) {
		List<Known> known = known(accountId);
		return owner -> {
			NamedPerson person = new Mention(owner, owner, new ArrayList<>()).matched(known);
			if (!person.matched()) {
				return Optional.empty();
			}
			List<Known> named = known.stream().filter(k -> k.id() != null && k.name().equals(person.match())).toList();
			List<Known> onAccount = named.stream().filter(Known::onAccount).toList();
			List<Known> candidates = onAccount.isEmpty() ? named : onAccount;
			return candidates.size() == 1 ? Optional.of(candidates.get(0).id()) : Optional.empty();
		};
	}

	private static void mention(Map<String, Mention> mentions, String name, String written, String email, String part) {
		Mention mention = mentions.computeIfAbsent(normal(name), key -> new Mention(name, written, new ArrayList<>()));
		if (email != null && mention.email == null) {
			mention.email = email;
		}
		if (!mention.parts.contains(part)) {
			mention.parts.add(part);
		}
	}

	private List<Known> known(Long accountId) {
		List<Known> known = new ArrayList<>();
		Optional<AccountDetails> account = accountId == null ? Optional.empty() : accounts.find(accountId);
		List<String> team = account.stream().flatMap(a -> a.team().stream()).map(m -> m.person().name()).toList();
		directory.list(Pageable.unpaged())
			.forEach(p -> known.add(new Known(p.id(), p.name(), p.email(), p.slackHandle(), team.contains(p.name()))));
		account.stream().flatMap(a -> a.contacts().stream()).forEach(c -> known.add(new Known(null, c.name(), c.email(), null, true)));
		return known;
	}

	/** Lower case, accents off, single spaces: "Zoë  Ångström" is "zoe angstrom". */
	static String normal(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("\\s+", " ")
			.strip();
	}

	private static final class Mention {

		private final String name;

		private final String written;

		private final List<String> parts;

		private String email;

		Mention(String name, String written, List<String> parts) {
			this.name = name;
			this.written = written;
			this.parts = parts;
		}

		NamedPerson matched(List<Known> known) {
			String address = email != null ? email : EMAIL.matcher(name).find() ? emailIn(name) : null;
			if (address != null) {
				Optional<String> byEmail = one(known, k -> k.email() != null && k.email().equalsIgnoreCase(address));
				if (byEmail.isPresent()) {
					return found(byEmail.get(), MatchedBy.EMAIL);
				}
			}
			if (HANDLE.matcher(written).matches()) {
				String bare = written.startsWith("@") ? written.substring(1) : written;
				Optional<String> byHandle = one(known, k -> ("@" + bare).equalsIgnoreCase(k.handle())
						|| normal(k.name()).equals(normal(bare.replaceAll("[._-]", " "))));
				if (byHandle.isPresent()) {
					return found(byHandle.get(), MatchedBy.CHAT_HANDLE);
				}
			}
			Optional<String> byName = one(known, k -> normal(k.name()).equals(normal(name)));
			if (byName.isPresent()) {
				return found(byName.get(), MatchedBy.FULL_NAME);
			}
			if (!name.isBlank() && !name.strip().contains(" ")) {
				String first = normal(name);
				Optional<String> byFirstName = one(known, k -> k.onAccount() && normal(k.name()).startsWith(first + " "));
				if (byFirstName.isPresent()) {
					return found(byFirstName.get(), MatchedBy.FIRST_NAME_ON_ACCOUNT_TEAM);
				}
			}
			return new NamedPerson(name, List.copyOf(parts), null, null);
		}

		private NamedPerson found(String match, MatchedBy how) {
			return new NamedPerson(name, List.copyOf(parts), match, how);
		}

		private static String emailIn(String text) {
			var m = EMAIL.matcher(text);
			return m.find() ? m.group() : null;
		}

		/** The one person the test fits (the same name twice, as directory and team, is one); empty for none or several. */
		private static Optional<String> one(List<Known> known, Predicate<Known> test) {
			List<String> names = known.stream().filter(test).map(Known::name).filter(Objects::nonNull).distinct().toList();
			return names.size() == 1 ? Optional.of(names.get(0)) : Optional.empty();
		}

	}

}
