package io.riskdesk.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.riskdesk.playbook.ContactRole;
import io.riskdesk.playbook.TeamRole;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A customer account with its internal team and customer contacts (one aggregate). */
@Table("account")
class Account {

	@Id
	private Long id;

	@Version
	private Integer version;

	private String name;

	private BigDecimal arrAmount;

	private String arrCurrency;

	private LocalDate renewalDate;

	private Segment segment;

	private String country;

	private String timeZone;

	private String calendar;

	private String externalId;

	private LocalDate firstValueDue;

	private Instant createdAt;

	private Instant updatedAt;

	@MappedCollection(idColumn = "account_id")
	private Set<TeamMember> team = new HashSet<>();

	@MappedCollection(idColumn = "account_id", keyColumn = "position")
	private List<Contact> contacts = new ArrayList<>();

	@Table("account_team_member")
	record TeamMember(TeamRole role, Long personId) {
	}

	@Table("account_contact")
	record Contact(ContactRole role, String name, String email, String title) {
	}

	/** For Spring Data when it reads a row. */
	private Account() {
	}

	Account(AccountForm form, Instant now) {
		this.createdAt = now;
		apply(form, now);
	}

	void apply(AccountForm form, Instant now) {
		this.name = form.name().strip();
		this.arrAmount = form.arr() == null ? null : form.arr().amount();
		this.arrCurrency = form.arr() == null ? null : form.arr().currency().getCurrencyCode();
		this.renewalDate = form.renewalDate();
		this.segment = form.segment();
		this.country = form.country().toUpperCase();
		this.timeZone = form.timeZone().getId();
		this.calendar = form.calendar();
		this.externalId = form.externalId();
		this.firstValueDue = form.firstValueDue();
		this.team = new HashSet<>();
		form.team().forEach((role, personId) -> this.team.add(new TeamMember(role, personId)));
		this.contacts = form.contacts()
			.stream()
			.map(c -> new Contact(c.role(), c.name().strip(), c.email(), c.title()))
			.collect(ArrayList::new, List::add, List::addAll);
		this.updatedAt = now;
	}

	/** New commercial figures learned elsewhere (an imported document); a null keeps the known value. */
	void updateContract(Money arr, LocalDate renewalDate, Instant now) {
		if (arr != null) {
			this.arrAmount = arr.amount();
			this.arrCurrency = arr.currency().getCurrencyCode();
		}
		if (renewalDate != null) {
			this.renewalDate = renewalDate;
		}
		this.updatedAt = now;
	}

	Long getId() {
		return id;
	}

	int getVersion() {
		return version;
	}

	String getName() {
		return name;
	}

	/** The annual recurring revenue, or null while unknown. */
	Money arr() {
		return arrAmount == null ? null : new Money(arrAmount, Currency.getInstance(arrCurrency));
	}

	LocalDate getRenewalDate() {
		return renewalDate;
	}

	Segment getSegment() {
		return segment;
	}

	String getCountry() {
		return country;
	}

	String getTimeZone() {
		return timeZone;
	}

	String getExternalId() {
		return externalId;
	}

	LocalDate getFirstValueDue() {
		return firstValueDue;
	}

	String getCalendar() {
		return calendar;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	Instant getUpdatedAt() {
		return updatedAt;
	}

	Map<TeamRole, Long> teamByRole() {
		Map<TeamRole, Long> byRole = new java.util.EnumMap<>(TeamRole.class);
		team.forEach(member -> byRole.put(member.role(), member.personId()));
		return byRole;
	}

	List<Contact> getContacts() {
		return contacts;
	}

}
