package io.riskdesk.notification;

import java.util.List;

/**
 * A message as it would go out, rendered now and sent to nobody: its subject, plain text and
 * HTML, and whom it would go to ({@code recipients} is empty for a template preview, which is
 * rendered for no particular reader).
 */
public record MessagePreview(String template, String subject, String text, String html, List<Recipient> recipients) {

	static MessagePreview of(String template, NotificationTemplates.Rendered rendered, List<Recipient> recipients) {
		return new MessagePreview(template, rendered.subject(), rendered.text(), rendered.html(), recipients);
	}

}
