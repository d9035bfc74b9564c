package io.riskdesk.account;

import io.riskdesk.core.Text;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

public record PersonForm(
		@NotBlank @Text(max = Text.NAME) String name,
		@NotBlank @Email @Text(max = Text.EMAIL) String email,
		@Pattern(regexp = "@?[a-z0-9._-]{1,80}", message = "must be a Slack handle such as @jane.doe") String slackHandle) {
}
