package io.riskdesk.notification;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.riskdesk.playbook.Channel;
import io.riskdesk.playbook.ContactRole;
import io.riskdesk.playbook.NotificationRule.RiskPerson;
import io.riskdesk.playbook.NotificationTrigger;
import io.riskdesk.playbook.Severity;
import io.riskdesk.playbook.TeamRole;
import io.riskdesk.web.Labels;

/**
 * One message of the outbox as people see it: to whom, how, about what, and how its delivery
 * went. {@code riskKey} is null for a weekly digest. {@code address} is the e-mail address, the
 * Slack channel, or null for a note on the risk's timeline.
 */
public record Notification(long id, String riskKey, NotificationTrigger trigger, String occurrence, Severity severity,
		Channel channel, String recipientName, String recipientRole, Side side, String address, String template,
		String subject, NotificationStatus status, int attempts, Instant nextAttemptAt, String lastError,
		Instant createdAt, Instant sentAt) {

	/** The recipient's role in words ("Sponsor", "CS manager"), several of a digest's joined by commas. */
	public String roleInWords() {
		if (recipientRole == null) {
			return null;
		}
		return Arrays.stream(recipientRole.split(",")).map(this::role).map(Labels::of).collect(Collectors.joining(", "));
	}

	private Enum<?> role(String code) {
		for (Class<? extends Enum<?>> roles : side == Side.CUSTOMER ? CUSTOMER_FIRST : INTERNAL_FIRST) {
			for (Enum<?> role : roles.getEnumConstants()) {
				if (role.name().equals(code)) {
					return role;
				}
			}
		}
		throw new IllegalStateException("Unknown recipient role " + code);
	}

	private static final List<Class<? extends Enum<?>>> INTERNAL_FIRST = List.of(TeamRole.class, RiskPerson.class,
			ContactRole.class);

	private static final List<Class<? extends Enum<?>>> CUSTOMER_FIRST = List.of(ContactRole.class, TeamRole.class,
			RiskPerson.class);
}
