package io.riskdesk.notification;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A matrix role that reaches nobody, or somebody not on every channel: reported so that nobody is
 * silently left out. Role and side are null when the whole matrix cannot be resolved (no severity).
 */
public record RecipientGap(
		@Schema(description = "a playbook TeamRole (INTERNAL) or ContactRole (CUSTOMER)", type = "string") Enum<?> role,
		Side side, String reason) {
}
