package io.riskdesk.notification;

import java.util.List;

import io.riskdesk.playbook.Channel;
import io.riskdesk.playbook.Severity;

/** Who is notified of a risk at its current severity, on which channels, and who the matrix names but cannot reach. */
public record RecipientList(String riskKey, Severity severity, List<Channel> channels, List<Recipient> recipients,
		List<RecipientGap> gaps) {
}
