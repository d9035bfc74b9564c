package io.riskdesk.notification;

import java.util.Map;

import io.riskdesk.playbook.Channel;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One person told of a risk in one matrix role, with the address per channel of the severity:
 * EMAIL and LIVE_CALL (the invite) go to the e-mail, SLACK to the Slack handle (none for customers),
 * INTERNAL_NOTES to the risk's timeline (no address). {@code personId} is null for customer contacts.
 */
public record Recipient(
		@Schema(description = "a playbook TeamRole (INTERNAL) or ContactRole (CUSTOMER)", type = "string") Enum<?> role,
		Side side, String personName, Long personId, Map<Channel, String> addresses) {
}
