package io.riskdesk.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.riskdesk.playbook.ContactRole;
import io.riskdesk.playbook.TeamRole;

/** An account as the API and other modules read it. {@code daysToRenewal} is derived, never stored. */
public record AccountDetails(
		Long id,
		int version,
		String name,
		Money arr,
		LocalDate renewalDate,
		Long daysToRenewal,
		Segment segment,
		String country,
		String timeZone,
		String calendar,
		String externalId,
		LocalDate firstValueDue,
		List<TeamMemberView> team,
		List<ContactView> contacts,
		Instant createdAt,
		Instant updatedAt) {

	public record TeamMemberView(TeamRole role, PersonView person) {
	}

	public record ContactView(ContactRole role, String name, String email, String title) {
	}

}
