package io.riskdesk.notification;

import java.util.List;

import io.riskdesk.core.Text;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An update to the customer written by a person: the subject and message replace the
 * customer-update template's own words. {@code recipients} are e-mail addresses of the account's
 * contacts; left out, the escalation matrix's customer roles for the risk's severity get it.
 */
public record CustomerUpdate(
		// The subject is the first line of the text template: a line break would move the rest into the body.
		@NotBlank @Text(max = Text.NAME) @Pattern(regexp = "[^\\r\\n]*", message = "must be one line") String subject,
		@NotBlank @Text(max = Text.NOTE) String message,
		@Schema(description = "e-mail addresses of the account's contacts; default: the matrix's customer roles")
		@Size(min = 1, max = Text.ITEMS) List<@NotBlank @Text(max = Text.EMAIL) String> recipients) {
}
