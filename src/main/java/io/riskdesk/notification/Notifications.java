package io.riskdesk.notification;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import io.riskdesk.account.AccountDetails;
import io.riskdesk.account.Accounts;
import io.riskdesk.account.PersonDirectory;
import io.riskdesk.account.PersonView;
import io.riskdesk.core.NotFoundException;
import io.riskdesk.playbook.Channel;
import io.riskdesk.playbook.NotificationRule;
import io.riskdesk.playbook.NotificationTrigger;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskStatus;

import tools.jackson.databind.json.JsonMapper;

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

	private final SlackWebhooks slack;

	private final LiveCalls liveCalls;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Notifications(RiskRegister risks, Accounts accounts, PersonDirectory people, Playbook playbook,
			EscalationRecipients recipients, MessageFacts facts, NotificationTemplates templates, NotificationOutbox outbox,
			SlackWebhooks slack, LiveCalls liveCalls, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
		this.risks = risks;
		this.accounts = accounts;
		this.people = people;
		this.playbook = playbook;
		this.recipients = recipients;
		this.facts = facts;
		this.templates = templates;
		this.outbox = outbox;
		this.slack = slack;
		this.liveCalls = liveCalls;
		this.json = json;
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
		Optional<PersonView> milestoneOwner = Optional.ofNullable(event.milestoneOwnerId()).map(people::get);
		Map<NotificationRule, RecipientList> reached = new LinkedHashMap<>();
		rules.stream()
			.filter(rule -> rule.appliesTo(risk.severity()))
			.forEach(rule -> reached.put(rule, recipients.reach(risk, account, rule, milestoneOwner)));
		Batch batch = new Batch(risk, account, event, liveCall(risk, account, event, model, reached.values()));
		reached.forEach((rule, list) -> queue(batch, rule, list, model));
		// A risk resolved in the same transaction (an import of its whole history) needs no call any more.
		if (batch.liveCallQueued && RiskStatus.UNRESOLVED.contains(risk.status())) {
			liveCalls.addActionItem(risk, batch.liveCall);
		}
		if (batch.added > 0) {
			log.debug("{} notification(s) queued for {} {}", batch.added, event.riskKey(), event.trigger());
			events.publishEvent(new NotificationsQueued(batch.added));
		}
	}

	/**
	 * One message per recipient and channel: e-mail and the live-call invite to each person's
	 * address, one Slack post to the channel that hears the severity (mentioning the people who
	 * have a Slack handle), one note on the timeline. Only the matrix rules of TRIAGED and
	 * SEVERITY_CHANGED meet the NOTIFICATION clock, and only through channels that reach a person.
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
						batch.add(rule, channel, recipient, address, personal(rule, model, recipient), null, matrixNotice);
					}
				});
				case LIVE_CALL -> reached.recipients().forEach(recipient -> {
					String address = recipient.addresses().get(channel);
					if (address != null && batch.liveCall != null && batch.add(rule, channel, recipient, address,
							personal(rule, model, recipient), batch.liveCall.ics(), matrixNotice)) {
						batch.liveCallQueued = true;
					}
				});
				case SLACK -> slack.channelFor(batch.risk.severity()).ifPresent(slackChannel -> {
					List<String> handles = reached.recipients()
						.stream()
						.map(recipient -> recipient.addresses().get(channel))
						.filter(Objects::nonNull)
						.toList();
					batch.add(rule, channel, "slack:" + slackChannel, "#" + slackChannel, null, null, slackChannel,
							() -> templates.render(rule.template(), model), null, () -> slackMessage(batch.risk, model, handles),
							matrixNotice);
				});
				case INTERNAL_NOTES -> batch.add(rule, channel, "timeline", "Risk timeline", null, null, null,
						() -> templates.render(rule.template(), model), null, () -> null, false);
			}
		}
	}

	/** One call per firing, whichever rules invite to it: everyone the LIVE_CALL channel reaches is on it. */
	private LiveCalls.Planned liveCall(RiskDetails risk, AccountDetails account, TriggerEvent event,
			Map<String, Object> model, Collection<RecipientList> reached) {
		List<Recipient> invited = reached.stream()
			.filter(list -> list.channels().contains(Channel.LIVE_CALL))
			.flatMap(list -> list.recipients().stream())
			.filter(recipient -> recipient.addresses().get(Channel.LIVE_CALL) != null)
			.toList();
		if (invited.isEmpty()) {
			return null;
		}
		try {
			return liveCalls.plan(risk, account, event, model, invited);
		}
		catch (RuntimeException ex) {
			// Like a broken template: the change stands, the risk and the log say the invite was not sent.
			log.error("The live-call invite for {} {} could not be made", risk.key(), event.trigger(), ex);
			events.publishEvent(new NotificationEvents.MessageNotQueued(risk.key(), event.trigger(), "live call invite",
					Channel.LIVE_CALL, invited.size() + " people", String.valueOf(ex.getMessage()), clock.instant()));
			return null;
		}
	}

	private Supplier<NotificationTemplates.Rendered> personal(NotificationRule rule, Map<String, Object> model,
			Recipient recipient) {
		return () -> {
			Map<String, Object> personal = new HashMap<>(model);
			personal.put("recipient", recipient);
			return templates.render(rule.template(), personal);
		};
	}

	private String slackMessage(RiskDetails risk, Map<String, Object> model, List<String> handles) {
		MessageFormat fmt = (MessageFormat) model.get("fmt");
		return json.writeValueAsString(new SlackMessage((String) model.get("headline"), risk.severity(),
				risk.account().name(), fmt.money(risk.arrAtRisk()), fmt.renewal(risk.renewalDate(), risk.daysToRenewal()),
				(String) model.get("ownerName"), (String) model.get("ask"), handles, URI.create((String) model.get("link"))));
	}

	/** The messages of one trigger firing; a person named by two rules gets the first rule's message. */
	private final class Batch {

		private final RiskDetails risk;

		private final AccountDetails account;

		private final TriggerEvent event;

		private final LiveCalls.Planned liveCall;

		private final Set<String> keys = new HashSet<>();

		private int added;

		private boolean liveCallQueued;

		Batch(RiskDetails risk, AccountDetails account, TriggerEvent event, LiveCalls.Planned liveCall) {
			this.risk = risk;
			this.account = account;
			this.event = event;
			this.liveCall = liveCall;
		}

		boolean add(NotificationRule rule, Channel channel, Recipient recipient, String address,
				Supplier<NotificationTemplates.Rendered> content, String calendar, boolean meetsNotificationClock) {
			return add(rule, channel, recipientKey(recipient), recipient.personName(), recipient.role().name(),
					recipient.side(), address, content, calendar, () -> null, meetsNotificationClock);
		}

		/** Queues one message; true when it is new (not queued before by this firing or an earlier one). */
		boolean add(NotificationRule rule, Channel channel, String recipientKey, String name, String role, Side side,
				String address, Supplier<NotificationTemplates.Rendered> content, String calendar,
				Supplier<String> slackMessage, boolean meetsNotificationClock) {
			String key = NotificationOutbox.idempotencyKey(risk.key(), event.trigger(), event.occurrence(), recipientKey,
					channel);
			if (!keys.add(key)) {
				return false;
			}
			NotificationTemplates.Rendered rendered;
			String slack;
			try {
				rendered = content.get();
				slack = slackMessage.get();
			}
			catch (RuntimeException ex) {
				// A broken template override must not undo the change that fired it: the change stands, the risk
				// and the log say who was not told.
				log.error("Notification template {} failed for {} {}; message to {} by {} not queued", rule.template(),
						risk.key(), event.trigger(), name, channel, ex);
				events.publishEvent(new NotificationEvents.MessageNotQueued(risk.key(), event.trigger(), rule.template(),
						channel, name, String.valueOf(ex.getMessage()), clock.instant()));
				return false;
			}
			boolean queued = outbox.add(new NotificationOutbox.NewMessage(risk.key(), event.trigger(),
					event.occurrence(), risk.severity(), channel, recipientKey, name, role, side, address, rule.template(),
					rendered, calendar, slack, meetsNotificationClock), clock.instant());
			if (queued) {
				added++;
			}
			return queued;
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
		for (Recipient recipient : to) {
			// The outbox's idempotency key makes a recipient named twice, or the same occurrence again, a no-op.
			if (outbox.add(new NotificationOutbox.NewMessage(risk.key(), NotificationTrigger.CUSTOMER_UPDATE,
					occurrence, risk.severity(), Channel.EMAIL, recipientKey(recipient), recipient.personName(),
					recipient.role().name(), recipient.side(), recipient.addresses().get(Channel.EMAIL),
					CustomerUpdates.TEMPLATE, content.apply(recipient), null, null, false), clock.instant())) {
				added++;
			}
		}
		if (added > 0) {
			events.publishEvent(new NotificationsQueued(added));
		}
		return new QueuedMessages(outbox.ofOccurrence(risk.key(), NotificationTrigger.CUSTOMER_UPDATE, occurrence),
				added);
	}

	record QueuedMessages(List<Notification> messages, int added) {
	}

}
