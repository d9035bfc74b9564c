package io.riskdesk.notification;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.riskdesk.account.AccountDetails;
import io.riskdesk.account.Accounts;
import io.riskdesk.core.ConflictException;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.core.InvalidFieldsException;
import io.riskdesk.core.Text;
import io.riskdesk.plan.CorrectiveActionPlans;
import io.riskdesk.plan.Milestone;
import io.riskdesk.plan.MilestoneStatus;
import io.riskdesk.playbook.Channel;
import io.riskdesk.playbook.NotificationRule;
import io.riskdesk.playbook.NotificationRule.MatrixAudience;
import io.riskdesk.playbook.NotificationTrigger;
import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Updates to the customer written by a person: drafted from the plan, previewed as the
 * customer-update template renders them, sent as one e-mail per recipient through the outbox and
 * recorded on the risk's timeline. Recipients are the account's contacts only; by default those of
 * the escalation matrix's customer roles for the risk's severity.
 */
@Service
public class CustomerUpdates {

	static final String TEMPLATE = "customer-update";

	/** The customers the escalation matrix names for the severity, by e-mail. */
	private static final NotificationRule MATRIX_CUSTOMERS = new NotificationRule(MatrixAudience.CUSTOMER, null, null,
			null, List.of(Channel.EMAIL), null, TEMPLATE);

	private final RiskRegister risks;

	private final Accounts accounts;

	private final EscalationRecipients recipients;

	private final CorrectiveActionPlans plans;

	private final MessageFacts facts;

	private final NotificationTemplates templates;

	private final Notifications notifications;

	private final NotificationOutbox outbox;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CustomerUpdates(RiskRegister risks, Accounts accounts, EscalationRecipients recipients, CorrectiveActionPlans plans,
			MessageFacts facts, NotificationTemplates templates, Notifications notifications, NotificationOutbox outbox,
			ApplicationEventPublisher events, Clock clock) {
		this.risks = risks;
		this.accounts = accounts;
		this.recipients = recipients;
		this.plans = plans;
		this.facts = facts;
		this.templates = templates;
		this.notifications = notifications;
		this.outbox = outbox;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What the compose form starts from: the template's subject, a message listing what the plan
	 * has done and will do next, the default recipients' addresses, and every contact who can be
	 * chosen instead.
	 */
	public record Draft(String subject, String message, List<String> recipients, List<Recipient> contacts) {
	}

	@Transactional(readOnly = true)
	public Draft draft(String riskKey) {
		RiskDetails risk = risks.get(riskKey);
		AccountDetails account = accounts.get(risk.account().id());
		String subject = templates.render(TEMPLATE, model(risk, account, "draft")).subject();
		return new Draft(subject, draftMessage(risk, account), addresses(defaultRecipients(risk, account)),
				contacts(account));
	}

	/** The update as its first recipient would read it; the same checks as sending, nothing queued. */
	@Transactional(readOnly = true)
	public MessagePreview preview(String riskKey, CustomerUpdate update) {
		RiskDetails risk = risks.get(riskKey);
		AccountDetails account = accounts.get(risk.account().id());
		List<Recipient> to = resolve(risk, account, update.recipients());
		Map<String, Object> model = written(model(risk, account, "preview"), update);
		return MessagePreview.of(TEMPLATE, render(model, to.get(0)), to);
	}

	/**
	 * Queues the update to each recipient and records it on the timeline. The same
	 * {@code idempotencyKey} sent again queues nothing new and records nothing: it answers the
	 * messages of the first send. Without one every call is a new update. ConflictException for a
	 * closed risk.
	 */
	@Transactional
	public List<Notification> send(String riskKey, CustomerUpdate update, String idempotencyKey, String actor) {
		RiskDetails risk = risks.get(riskKey);
		if (risk.status() == RiskStatus.CLOSED) {
			throw new ConflictException("The risk is closed: its customer updates are over");
		}
		String occurrence = occurrence(idempotencyKey);
		AccountDetails account = accounts.get(risk.account().id());
		List<Recipient> to = resolve(risk, account, update.recipients());
		List<Notification> earlier = idempotencyKey == null ? List.of()
				: outbox.ofOccurrence(risk.key(), NotificationTrigger.CUSTOMER_UPDATE, occurrence);
		if (!earlier.isEmpty()) {
			return sameUpdate(earlier, update, to, idempotencyKey);
		}
		Map<String, Object> model = written(model(risk, account, occurrence), update);
		Notifications.QueuedMessages queued = notifications.queueCustomerUpdate(risk, occurrence, to,
				recipient -> render(model, recipient));
		if (queued.added() > 0) {
			events.publishEvent(new NotificationEvents.CustomerUpdateSent(risk.key(),
					to.stream().map(Recipient::personName).distinct().toList(), update.subject(),
					queued.messages().stream().map(Notification::id).toList(), actor, clock.instant()));
		}
		return queued.messages();
	}

	/**
	 * A retried send answers the first one's messages; the same key on another update (other
	 * subject or recipients) is refused rather than taken for it.
	 */
	private static List<Notification> sameUpdate(List<Notification> earlier, CustomerUpdate update, List<Recipient> to,
			String idempotencyKey) {
		Set<String> sentTo = earlier.stream().map(n -> n.address().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
		Set<String> asked = to.stream()
			.map(recipient -> recipient.addresses().get(Channel.EMAIL).toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		String subject = update.subject().strip().replaceAll("\\s+", " ");
		if (!sentTo.equals(asked) || !earlier.get(0).subject().equals(subject)) {
			throw new ConflictException("Idempotency-Key " + idempotencyKey + " was used for another update (other "
					+ "subject or recipients): send this one with a new key", Map.of("idempotencyKey", idempotencyKey));
		}
		return earlier;
	}

	private Map<String, Object> model(RiskDetails risk, AccountDetails account, String occurrence) {
		return facts.of(risk, account,
				new TriggerEvent(NotificationTrigger.CUSTOMER_UPDATE, risk.key(), occurrence, clock.instant(), Map.of()));
	}

	/** The customer-update template reads the person's own words when they are in its model. */
	private static Map<String, Object> written(Map<String, Object> model, CustomerUpdate update) {
		model.put("subject", update.subject().strip());
		model.put("message", update.message().strip());
		return model;
	}

	private NotificationTemplates.Rendered render(Map<String, Object> model, Recipient recipient) {
		Map<String, Object> personal = new HashMap<>(model);
		personal.put("recipient", recipient);
		return templates.render(TEMPLATE, personal);
	}

	/**
	 * The named addresses as the account's contacts, in their order, each once; the matrix's
	 * customers when none are named. InvalidFieldsException naming each address that is no
	 * contact's; InvalidFieldException when nobody is left to send to.
	 */
	private List<Recipient> resolve(RiskDetails risk, AccountDetails account, List<String> addresses) {
		if (addresses == null) {
			List<Recipient> matrix = defaultRecipients(risk, account);
			if (matrix.isEmpty()) {
				throw new InvalidFieldException("recipients", "are needed: the escalation matrix names no customer "
						+ "contact with an e-mail address for this risk" + (risk.severity() == null ? " (it has no severity)" : ""));
			}
			return matrix;
		}
		Map<String, Recipient> byAddress = new HashMap<>();
		contacts(account).forEach(contact -> byAddress.putIfAbsent(lower(contact.addresses().get(Channel.EMAIL)), contact));
		Map<String, Recipient> chosen = new LinkedHashMap<>();
		Map<String, String> unknown = new LinkedHashMap<>();
		for (int i = 0; i < addresses.size(); i++) {
			String address = lower(addresses.get(i).strip());
			Recipient contact = byAddress.get(address);
			if (contact == null) {
				unknown.put("recipients[" + i + "]", "is not the e-mail address of a contact of " + account.name());
			}
			else {
				chosen.putIfAbsent(address, contact);
			}
		}
		if (!unknown.isEmpty()) {
			throw new InvalidFieldsException(unknown);
		}
		return List.copyOf(chosen.values());
	}

	private List<Recipient> defaultRecipients(RiskDetails risk, AccountDetails account) {
		return recipients.reach(risk, account, MATRIX_CUSTOMERS, Optional.empty())
			.recipients()
			.stream()
			.filter(recipient -> recipient.addresses().get(Channel.EMAIL) != null)
			.toList();
	}

	/** The account's contacts who have an e-mail address, as recipients. */
	private static List<Recipient> contacts(AccountDetails account) {
		return account.contacts()
			.stream()
			.filter(contact -> contact.email() != null)
			.map(contact -> new Recipient(contact.role(), Side.CUSTOMER, contact.name(), null,
					Map.of(Channel.EMAIL, contact.email())))
			.toList();
	}

	private static List<String> addresses(List<Recipient> recipients) {
		return recipients.stream().map(recipient -> recipient.addresses().get(Channel.EMAIL)).distinct().toList();
	}

	/** The client's Idempotency-Key makes a retried send the same update; without one, each send is new. */
	private static String occurrence(String idempotencyKey) {
		if (idempotencyKey == null) {
			return UUID.randomUUID().toString();
		}
		if (idempotencyKey.isBlank() || idempotencyKey.length() > Text.NAME
				|| !idempotencyKey.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '|')) {
			throw new InvalidFieldException("Idempotency-Key", "must be 1 to " + Text.NAME
					+ " visible ASCII characters other than |");
		}
		return idempotencyKey;
	}

	private String draftMessage(RiskDetails risk, AccountDetails account) {
		MessageFormat fmt = new MessageFormat(ZoneId.of(account.timeZone()));
		List<Milestone> milestones = plans.of(risk.key());
		List<String> lines = new ArrayList<>();
		lines.add("Here is where we stand on " + risk.title() + ".");
		List<Milestone> done = milestones.stream().filter(m -> m.status() == MilestoneStatus.DONE).toList();
		List<Milestone> next = milestones.stream().filter(m -> m.status().open()).toList();
		if (!done.isEmpty()) {
			lines.add("");
			lines.add("Done so far:");
			done.forEach(m -> lines.add("- " + m.title()));
		}
		if (!next.isEmpty()) {
			lines.add("");
			lines.add("What we are doing next:");
			next.forEach(m -> lines.add("- " + m.title() + (m.due() == null ? "" : " (by " + fmt.date(m.due()) + ")")));
		}
		lines.add("");
		lines.add("We will keep you updated.");
		return String.join("\n", lines);
	}

	private static String lower(String address) {
		return address == null ? null : address.toLowerCase(Locale.ROOT);
	}

}
