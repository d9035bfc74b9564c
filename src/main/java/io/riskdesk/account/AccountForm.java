package io.riskdesk.account;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.riskdesk.playbook.ContactRole;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.TeamRole;
import io.riskdesk.core.SaneDate;
import io.riskdesk.core.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What a user gives to create or replace an account. Team maps each role to a person id;
 * ARR may be left out while it is unknown; the business calendar is the playbook's "default"
 * unless another is named. {@code externalId} is the CRM's id of the account (unique), which
 * telemetry files may name it by; {@code firstValueDue} the day the customer should first get
 * value, which signal detection watches.
 */
public record AccountForm(
		@NotBlank @Text(max = Text.NAME) String name,
		@Valid Money arr,
		@SaneDate LocalDate renewalDate,
		@NotNull Segment segment,
		@NotNull @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166 two-letter country code") String country,
		@NotNull ZoneId timeZone,
		@Text(max = Text.CODE) String calendar,
		Map<TeamRole, @NotNull Long> team,
		List<@NotNull @Valid ContactForm> contacts,
		@Text(max = Text.CODE) String externalId,
		@SaneDate LocalDate firstValueDue) {

	public AccountForm {
		externalId = externalId == null || externalId.isBlank() ? null : externalId.strip();
		calendar = calendar == null || calendar.isBlank() ? Playbook.DEFAULT_CALENDAR : calendar.strip();
		team = team == null ? Map.of() : Map.copyOf(team);
		contacts = contacts == null ? List.of() : List.copyOf(contacts);
	}

	public record ContactForm(
			@NotNull ContactRole role,
			@NotBlank @Text(max = Text.NAME) String name,
			@Email @Text(max = Text.EMAIL) String email,
			@Text(max = Text.NAME) String title) {
	}

}
