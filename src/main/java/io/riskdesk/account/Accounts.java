package io.riskdesk.account;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.TeamRole;
import io.riskdesk.core.ConflictException;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.core.NotFoundException;
import io.riskdesk.web.Versions;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customer accounts with their team and contacts. */
@Service
@Transactional
public class Accounts {

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private final AccountRepository accounts;

	private final PersonDirectory people;

	private final Playbook playbook;

	private final Clock clock;

	Accounts(AccountRepository accounts, PersonDirectory people, Playbook playbook, Clock clock) {
		this.accounts = accounts;
		this.people = people;
		this.playbook = playbook;
		this.clock = clock;
	}

	public AccountDetails create(AccountForm form) {
		validate(form, null);
		return details(accounts.save(new Account(form, clock.instant())));
	}

	public AccountDetails update(long id, Integer expectedVersion, AccountForm form) {
		Account account = load(id);
		Versions.check(expectedVersion, account.getVersion(), "Account " + id);
		validate(form, id);
		account.apply(form, clock.instant());
		return details(accounts.save(account));
	}

	/** Sets the ARR and renewal date that another source (an imported document) stated; nulls keep what is known. */
	public AccountDetails updateContract(long id, Money arr, LocalDate renewalDate) {
		Account account = load(id);
		account.updateContract(arr, renewalDate, clock.instant());
		return details(accounts.save(account));
	}


	public void delete(long id, Integer expectedVersion) {
		Account account = load(id);
		Versions.check(expectedVersion, account.getVersion(), "Account " + id);
		accounts.delete(account);
	}

	@Transactional(readOnly = true)
	public AccountDetails get(long id) {
		return details(load(id));
	}

	@Transactional(readOnly = true)
	public Optional<AccountDetails> find(long id) {
		return accounts.findById(id).map(this::details);
	}

	@Transactional(readOnly = true)
	public Optional<AccountDetails> findByName(String name) {
		return accounts.findByNameIgnoreCase(name.strip()).map(this::details);
	}

	@Transactional(readOnly = true)
	public Page<AccountDetails> list(Pageable pageable) {
		return accounts.findAll(pageable).map(this::details);
	}

	@Transactional(readOnly = true)
	public boolean exists(long id) {
		return accounts.existsById(id);
	}

	private Account load(long id) {
		return accounts.findById(id).orElseThrow(() -> new NotFoundException("Account", id));
	}

	/**
	 * What this service refuses in a form its record's rules let through, by field, all at once
	 * (a page shows them together): a country, a calendar or a team member that is none.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> problems(AccountForm form) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (form.country() != null && !COUNTRIES.contains(form.country().toUpperCase())) {
			problems.put("country", "'" + form.country() + "' is not an ISO 3166 country code");
		}
		if (playbook.calendar(form.calendar()) == null) {
			problems.put("calendar", "'" + form.calendar() + "' is not a calendar of the playbook; use one of "
					+ playbook.calendars().keySet().stream().sorted().toList());
		}
		for (Map.Entry<TeamRole, Long> member : new TreeMap<>(form.team()).entrySet()) {
			if (!people.exists(member.getValue())) {
				problems.put("team." + member.getKey(), "no person with id " + member.getValue());
			}
		}
		return problems;
	}

	private void validate(AccountForm form, Long exceptId) {
		problems(form).entrySet().stream().findFirst().ifPresent(problem -> {
			throw new InvalidFieldException(problem.getKey(), problem.getValue());
		});
		accounts.findByNameIgnoreCase(form.name().strip())
			.filter(existing -> !existing.getId().equals(exceptId))
			.ifPresent(existing -> {
				throw new ConflictException("An account named " + existing.getName() + " already exists (id "
						+ existing.getId() + ")");
			});
		if (form.externalId() != null) {
			accounts.findByExternalId(form.externalId())
				.filter(existing -> !existing.getId().equals(exceptId))
				.ifPresent(existing -> {
					throw new ConflictException("The external id " + form.externalId() + " is account " + existing.getName()
							+ "'s (id " + existing.getId() + ")");
				});
		}
	}

	private AccountDetails details(Account account) {
		Map<TeamRole, Long> team = account.teamByRole();
		Map<Long, PersonView> members = people.findAll(team.values());
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(account.getTimeZone())));
		Long daysToRenewal = account.getRenewalDate() == null ? null
				: ChronoUnit.DAYS.between(today, account.getRenewalDate());
		return new AccountDetails(account.getId(), account.getVersion(), account.getName(), account.arr(),
				account.getRenewalDate(), daysToRenewal, account.getSegment(), account.getCountry(),
				account.getTimeZone(), account.getCalendar(), account.getExternalId(), account.getFirstValueDue(),
				team.entrySet()
					.stream()
					.map(e -> new AccountDetails.TeamMemberView(e.getKey(), members.get(e.getValue())))
					.toList(),
				account.getContacts()
					.stream()
					.map(c -> new AccountDetails.ContactView(c.role(), c.name(), c.email(), c.title()))
					.toList(),
				account.getCreatedAt(), account.getUpdatedAt());
	}

}
