package io.riskdesk.account;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.riskdesk.playbook.ContactRole;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.TeamRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a user gives to create or replace an account. Team maps each role to a person id;
 * ARR may be left out while it is unknown; the business calendar is the playbook's "default"
 * unless another is named.
 */
public record AccountForm(
		@NotBlank @Size(max = 200) String name,
		@Valid Money arr,
		LocalDate renewalDate,
		@NotNull Segment segment,
		@NotNull @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166 two-letter country code") String country,
		@NotNull ZoneId timeZone,
		@Size(max = 100) String calendar,
		Map<TeamRole, @NotNull Long> team,
		List<@NotNull @Valid ContactForm> contacts) {

	public AccountForm {
		calendar = calendar == null || calendar.isBlank() ? Playbook.DEFAULT_CALENDAR : calendar.strip();
		team = team == null ? Map.of() : Map.copyOf(team);
		contacts = contacts == null ? List.of() : List.copyOf(contacts);
	}

	public record ContactForm(
			@NotNull ContactRole role,
			@NotBlank @Size(max = 200) String name,
			@Email @Size(max = 320) String email,
			@Size(max = 200) String title) {
	}

}
