package io.riskdesk.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import io.riskdesk.account.AccountDetails;
import io.riskdesk.account.Accounts;
import io.riskdesk.account.PersonDirectory;
import io.riskdesk.core.NotFoundException;
import io.riskdesk.playbook.Channel;
import io.riskdesk.playbook.NotificationRule;
import io.riskdesk.playbook.NotificationTrigger;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskRegister;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifications of the playbook: each trigger firing becomes outbox messages, one per
 * (recipient, channel), rendered now and written in the transaction of the change that fired it;
 * the delivery worker sends them after the commit. The same firing seen twice queues nothing new:
 * the idempotency key is (risk, trigger, occurrence, recipient, channel).
 */
@Service
public class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	private final RiskRegister risks;

	private final Accounts accounts;

	private final PersonDirectory people;

	private final Playbook playbook;

	private final EscalationRecipients recipients;

	private final MessageFacts facts;

	private final NotificationTemplates templates;

	private final NotificationOutbox outbox;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Notifications(RiskRegister risks, Accounts accounts, PersonDirectory people, Playbook playbook,
			EscalationRecipients recipients, MessageFacts facts, NotificationTemplates templates, NotificationOutbox outbox,
			ApplicationEventPublisher events, Clock clock) {
		this.risks = risks;
		this.accounts = accounts;
		this.people = people;
		this.playbook = playbook;
		this.recipients = recipients;
		this.facts = facts;
		this.templates = templates;
		this.outbox = outbox;
		this.events = events;
		this.clock = clock;
	}

	/** Queues the messages the playbook's rules for this trigger name, in the caller's transaction. */
	@Transactional
	void fire(TriggerEvent event) {
		List<NotificationRule> rules = playbook.notifications().rules(event.trigger());
		if (rules.isEmpty()) {
			return;
		}
		RiskDetails risk = risks.get(event.riskKey());
		AccountDetails account = accounts.get(risk.account().id());
		Map<String, Object> model = facts.of(risk, account, event);
		Batch batch = new Batch(risk, event);
		for (NotificationRule rule : rules) {
			if (rule.appliesTo(risk.severity())) {
				queue(batch, rule, recipients.reach(risk, account, rule,
						Optional.ofNullable(event.milestoneOwnerId()).map(people::get)), model);
			}
		}
		if (batch.added > 0) {
			log.debug("{} notification(s) queued for {} {}", batch.added, event.riskKey(), event.trigger());
			events.publishEvent(new NotificationsQueued(batch.added));
		}
	}

	/**
	 * One message per recipient and channel: e-mail to each person's address, a note on the
	 * timeline once per rule. Only the matrix rules of TRIAGED and SEVERITY_CHANGED meet the
	 * NOTIFICATION clock, and only through channels that reach a person.
	 */
	private void queue(Batch batch, NotificationRule rule, RecipientList reached, Map<String, Object> model) {
		boolean matrixNotice = rule.matrix() != NotificationRule.MatrixAudience.NONE
				&& (batch.event.trigger() == NotificationTrigger.TRIAGED
						|| batch.event.trigger() == NotificationTrigger.SEVERITY_CHANGED);
		for (Channel channel : reached.channels()) {
			switch (channel) {
				case EMAIL -> reached.recipients().forEach(recipient -> {
					String address = recipient.addresses().get(channel);
					if (address != null) {
						Map<String, Object> personal = new HashMap<>(model);
						personal.put("recipient", recipient);
						batch.add(rule, channel, recipientKey(recipient), recipient.personName(), recipient.role().name(),
								recipient.side(), address, () -> templates.render(rule.template(), personal), null, null,
								matrixNotice);
					}
				});
				case INTERNAL_NOTES -> batch.add(rule, channel, "timeline", "Risk timeline", null, null, null,
						() -> templates.render(rule.template(), model), null, null, false);
				case SLACK, LIVE_CALL -> {
				}
			}
		}
	}

	/** The messages of one trigger firing; a person named by two rules gets the first rule's message. */
	private final class Batch {

		private final RiskDetails risk;

		private final TriggerEvent event;

		private final Set<String> keys = new HashSet<>();

		private int added;

		Batch(RiskDetails risk, TriggerEvent event) {
			this.risk = risk;
			this.event = event;
		}

		void add(NotificationRule rule, Channel channel, String recipientKey, String name, String role, Side side,
				String address, Supplier<NotificationTemplates.Rendered> content, String calendar, String slackMessage,
				boolean meetsNotificationClock) {
			String key = String.join("|", risk.key(), event.trigger().name(), event.occurrence(), recipientKey,
					channel.name());
			if (!keys.add(key)) {
				return;
			}
			NotificationTemplates.Rendered rendered;
			try {
				rendered = content.get();
			}
			catch (RuntimeException ex) {
				// A broken template override must not undo the change that fired it: the change stands, the error is loud.
				log.error("Notification template {} failed for {} {}; message to {} by {} not queued", rule.template(),
						risk.key(), event.trigger(), name, channel, ex);
				return;
			}
			if (outbox.add(new NotificationOutbox.NewMessage(key, risk.key(), event.trigger(), event.occurrence(),
					risk.severity(), channel, recipientKey, name, role, side, address, rule.template(), rendered, calendar,
					slackMessage, meetsNotificationClock), clock.instant())) {
				added++;
			}
		}

	}

	/** The same person is one recipient whatever role names them; a contact is known by e-mail (or name). */
	private static String recipientKey(Recipient recipient) {
		if (recipient.personId() != null) {
			return "person:" + recipient.personId();
		}
		String email = recipient.addresses().get(Channel.EMAIL);
		return "contact:" + (email != null ? email.toLowerCase(Locale.ROOT) : recipient.personName());
	}

	@Transactional(readOnly = true)
	public Page<Notification> list(NotificationQuery query, Pageable pageable) {
		return outbox.list(query, pageable);
	}

	/** A risk's messages, oldest first; NotFoundException for an unknown risk. */
	@Transactional(readOnly = true)
	public List<Notification> ofRisk(String riskKey) {
		risks.requireExists(riskKey);
		return outbox.ofRisk(riskKey);
	}

	@Transactional(readOnly = true)
	public Notification get(long id) {
		return outbox.find(id).orElseThrow(() -> new NotFoundException("Notification", id));
	}

	/** Messages queued in the current transaction: the worker looks for them once it commits. */
	record NotificationsQueued(int count) {
	}

	/**
	 * Queues a customer update written by hand: one e-mail per recipient, each rendered for its
	 * reader, in the caller's transaction, under the idempotency key a trigger's message would have
	 * ({@code risk|CUSTOMER_UPDATE|occurrence|recipient|EMAIL}), so the same {@code occurrence} sent
	 * again queues nothing new. Returns the messages of this occurrence, queued now or before, and
	 * how many were queued now.
	 */
	@Transactional
	QueuedMessages queueCustomerUpdate(RiskDetails risk, String occurrence, List<Recipient> to,
			Function<Recipient, NotificationTemplates.Rendered> content) {
		int added = 0;
		List<String> keys = new ArrayList<>();
		for (Recipient recipient : to) {
			String recipientKey = recipientKey(recipient);
			String key = String.join("|", risk.key(), NotificationTrigger.CUSTOMER_UPDATE.name(), occurrence,
					recipientKey, Channel.EMAIL.name());
			if (keys.contains(key)) {
				continue;
			}
			keys.add(key);
			if (outbox.add(new NotificationOutbox.NewMessage(key, risk.key(), NotificationTrigger.CUSTOMER_UPDATE,
					occurrence, risk.severity(), Channel.EMAIL, recipientKey, recipient.personName(),
					recipient.role().name(), recipient.side(), recipient.addresses().get(Channel.EMAIL),
					CustomerUpdates.TEMPLATE, content.apply(recipient), null, null, false), clock.instant())) {
				added++;
			}
		}
		if (added > 0) {
			events.publishEvent(new NotificationsQueued(added));
		}
		return new QueuedMessages(keys.stream().map(outbox::findByKey).flatMap(Optional::stream).toList(), added);
	}

	record QueuedMessages(List<Notification> messages, int added) {
	}

}
