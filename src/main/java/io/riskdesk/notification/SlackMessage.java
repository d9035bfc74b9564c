package io.riskdesk.notification;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import io.riskdesk.playbook.Severity;

/**
 * What a Slack notification says, every value already formatted for display by the caller.
 * @param arrAtRisk like "$850,000"; null when not known
 * @param renewal like "2027-03-31 (in 122 days)"; null when not known
 * @param owner the accountable owner's name; null when the risk has none yet
 * @param mentions Slack handles like "jonas.berg" or "@jonas"; may be empty
 * @param link the risk's page in Riskdesk
 */
record SlackMessage(String headline, Severity severity, String account, String arrAtRisk, String renewal, String owner,
		String ask, List<String> mentions, URI link) {

	SlackMessage {
		Objects.requireNonNull(headline, "headline");
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(ask, "ask");
		Objects.requireNonNull(link, "link");
		mentions = mentions == null ? List.of() : List.copyOf(mentions);
	}

}
