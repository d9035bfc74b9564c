package io.riskdesk.notification;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.riskdesk.account.Accounts;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.playbook.NotificationRule;
import io.riskdesk.playbook.NotificationTrigger;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskRegister;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A message template rendered for a risk as it stands, sent to nobody: what the playbook's
 * messages about it would say now. Rendered for no particular reader, as an initial escalation
 * (a customer update as one written by hand).
 */
@Service
@Transactional(readOnly = true)
public class MessagePreviews {

	private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,100}");

	private final RiskRegister risks;

	private final Accounts accounts;

	private final Playbook playbook;

	private final MessageFacts facts;

	private final NotificationTemplates templates;

	private final Clock clock;

	MessagePreviews(RiskRegister risks, Accounts accounts, Playbook playbook, MessageFacts facts,
			NotificationTemplates templates, Clock clock) {
		this.risks = risks;
		this.accounts = accounts;
		this.playbook = playbook;
		this.facts = facts;
		this.templates = templates;
		this.clock = clock;
	}

	/** The templates a risk's messages use: every trigger rule's, and the customer update's, in the playbook's order. */
	public List<String> templates() {
		return Stream.concat(playbook.notifications().triggers().values().stream().flatMap(List::stream)
			.map(NotificationRule::template), Stream.of(CustomerUpdates.TEMPLATE)).distinct().toList();
	}

	/**
	 * The template rendered for the risk; NotFoundException for an unknown risk, InvalidFieldException
	 * ({@code template}) for a name that is no template, or the weekly digest's (about no single risk).
	 */
	public MessagePreview of(String riskKey, String template) {
		RiskDetails risk = risks.get(riskKey);
		if (template == null || !NAME.matcher(template).matches()) {
			throw new InvalidFieldException("template", "must be a template name: lower case, digits and dashes");
		}
		if (template.equals(playbook.notifications().weeklyDigest().template())) {
			throw new InvalidFieldException("template", "is the weekly digest's, which is about no single risk");
		}
		if (!templates.missing(List.of(template)).isEmpty()) {
			throw new InvalidFieldException("template", "no template " + template + " (.txt and .html) exists");
		}
		NotificationTrigger trigger = template.equals(CustomerUpdates.TEMPLATE) ? NotificationTrigger.CUSTOMER_UPDATE
				: NotificationTrigger.TRIAGED;
		Map<String, Object> model = facts.of(risk, accounts.get(risk.account().id()),
				new TriggerEvent(trigger, riskKey, "preview", clock.instant(), Map.of()));
		return MessagePreview.of(template, templates.render(template, model), List.of());
	}

}
