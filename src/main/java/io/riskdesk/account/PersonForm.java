package io.riskdesk.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record PersonForm(
		@NotBlank @Size(max = 200) String name,
		@NotBlank @Email @Size(max = 320) String email,
		@Pattern(regexp = "@?[a-z0-9._-]{1,80}", message = "must be a Slack handle such as @jane.doe") String slackHandle) {
}
