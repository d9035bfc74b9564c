package io.riskdesk.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.riskdesk.account.AccountDetails;
import io.riskdesk.account.Accounts;
import io.riskdesk.account.PersonDirectory;
import io.riskdesk.account.PersonView;
import io.riskdesk.notification.Notifications.NotificationsQueued;
import io.riskdesk.notification.WeeklyDigest.DigestRisk;
import io.riskdesk.notification.WeeklyDigest.Line;
import io.riskdesk.plan.CorrectiveActionPlans;
import io.riskdesk.plan.Milestone;
import io.riskdesk.playbook.Channel;
import io.riskdesk.playbook.NotificationPolicy;
import io.riskdesk.playbook.NotificationTrigger;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.risk.RiskQuery;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskStatus;
import io.riskdesk.risk.RiskSummary;
import io.riskdesk.risk.SlaStatus;
import io.riskdesk.sla.ClockKind;
import io.riskdesk.sla.ClockView;
import io.riskdesk.sla.SlaClocks;
import io.riskdesk.web.Labels;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly digests of playbook.yml's {@code notifications.weekly-digest}: per person, the open
 * risks they own and those of the accounts where they hold a manager role, with what is due in the
 * coming 7 days and what breached in the last 7. One e-mail per person and ISO week, queued in the
 * outbox; a second run in the same week queues nothing new (the idempotency key holds the week).
 */
@Service
class WeeklyDigests {

	private static final Logger log = LoggerFactory.getLogger(WeeklyDigests.class);

	static final String OWNER = "OWNER";

	private static final Duration WINDOW = Duration.ofDays(7);

	private final RiskRegister risks;

	private final Accounts accounts;

	private final PersonDirectory people;

	private final CorrectiveActionPlans plans;

	private final SlaClocks clocks;

	private final Playbook playbook;

	private final MessageFacts facts;

	private final NotificationTemplates templates;

	private final NotificationOutbox outbox;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String register;

	WeeklyDigests(RiskRegister risks, Accounts accounts, PersonDirectory people, CorrectiveActionPlans plans,
			SlaClocks clocks, Playbook playbook, MessageFacts facts, NotificationTemplates templates,
			NotificationOutbox outbox, ApplicationEventPublisher events, NotificationProperties properties, Clock clock) {
		this.risks = risks;
		this.accounts = accounts;
		this.people = people;
		this.plans = plans;
		this.clocks = clocks;
		this.playbook = playbook;
		this.facts = facts;
		this.templates = templates;
		this.outbox = outbox;
		this.events = events;
		this.clock = clock;
		this.register = properties.baseUrl().resolve("/risks").toString();
	}

	/** What a run queued: the ISO week it was for and how many digests were new. */
	record Run(String week, int queued) {
	}

	/** A digest as it would be sent to one person this week. */
	record Preview(String week, String subject, String text, String html) {
	}

	/** The digests of the current week, now. */
	@Transactional
	Run runNow() {
		return run(clock.instant());
	}

	/**
	 * Queues the digests of the ISO week (in the digest's zone) that holds {@code at}, one e-mail
	 * per person; people without an e-mail address are skipped and logged.
	 */
	@Transactional
	Run run(Instant at) {
		NotificationPolicy.WeeklyDigest policy = policy();
		List<WeeklyDigest> digests = digests(at, person -> true);
		int queued = 0;
		for (WeeklyDigest digest : digests) {
			if (digest.email() == null || digest.email().isBlank()) {
				log.info("Weekly digest {} not sent to {} (person {}): no e-mail address", digest.week(),
						digest.personName(), digest.personId());
				continue;
			}
			NotificationTemplates.Rendered rendered;
			try {
				rendered = render(digest, at);
			}
			catch (RuntimeException ex) {
				// One broken digest (a bad template override) must not keep the others from being queued.
				log.error("Weekly digest template {} failed for person {}; not queued", policy.template(),
						digest.personId(), ex);
				continue;
			}
			String recipientKey = "person:" + digest.personId();
			if (outbox.add(new NotificationOutbox.NewMessage(null, NotificationTrigger.WEEKLY_DIGEST, digest.week(),
					null, Channel.EMAIL, recipientKey, digest.personName(), String.join(",", digest.roles()),
					Side.INTERNAL, digest.email(), policy.template(), rendered, null, null, false), clock.instant())) {
				queued++;
			}
		}
		if (queued > 0) {
			events.publishEvent(new NotificationsQueued(queued));
		}
		log.info("Weekly digest {}: {} of {} queued", week(at), queued, digests.size());
		return new Run(week(at), queued);
	}

	/** This week's digest for one person, rendered; an empty one when they have no open risks to hear of. */
	@Transactional(readOnly = true)
	Preview preview(long personId) {
		PersonView person = people.get(personId);
		Instant now = clock.instant();
		WeeklyDigest digest = digests(now, id -> id == personId).stream()
			.findFirst()
			.orElseGet(() -> new WeeklyDigest(personId, person.name(), person.email(), week(now), Set.of(), List.of(),
					List.of()));
		NotificationTemplates.Rendered rendered = render(digest, now);
		return new Preview(digest.week(), rendered.subject(), rendered.text(), rendered.html());
	}

	/**
	 * The digests of the week of {@code at} for the people {@code wanted} accepts, by name. Reads
	 * the open risks in batches, each account of theirs once, the open dated milestones once, and
	 * the clocks only of the risks listed that have a breached clock.
	 */
	List<WeeklyDigest> digests(Instant at, Predicate<Long> wanted) {
		NotificationPolicy.WeeklyDigest policy = policy();
		List<RiskSummary> open = new ArrayList<>();
		RiskQuery unresolved = new RiskQuery(null, RiskStatus.UNRESOLVED, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null);
		risks.forEach(unresolved, Sort.by("severity", "key"), open::add);

		Map<Long, Addressee> recipients = new LinkedHashMap<>();
		for (RiskSummary risk : open) {
			if (risk.owner() != null && wanted.test(risk.owner().id())) {
				Addressee owner = recipients.computeIfAbsent(risk.owner().id(),
						id -> new Addressee(id, risk.owner().name(), risk.owner().email()));
				owner.roles.add(OWNER);
				owner.owned.add(risk);
			}
		}
		Map<Long, List<RiskSummary>> byAccount = open.stream()
			.collect(Collectors.groupingBy(risk -> risk.account().id(), LinkedHashMap::new, Collectors.toList()));
		byAccount.forEach((accountId, ofAccount) -> accounts.find(accountId)
			.map(AccountDetails::team)
			.orElse(List.of())
			.stream()
			.filter(member -> policy.managers().contains(member.role()) && wanted.test(member.person().id()))
			.forEach(member -> {
				PersonView person = member.person();
				Addressee manager = recipients.computeIfAbsent(person.id(),
						id -> new Addressee(id, person.name(), person.email()));
				manager.roles.add(member.role().name());
				ofAccount.stream()
					.filter(risk -> risk.owner() == null || !risk.owner().id().equals(person.id()))
					.forEach(manager.managed::add);
			}));

		Set<String> listed = recipients.values()
			.stream()
			.flatMap(recipient -> Stream.concat(recipient.owned.stream(), recipient.managed.stream()))
			.map(RiskSummary::key)
			.collect(Collectors.toSet());
		Details details = new Details(at, policy, open.stream().filter(risk -> listed.contains(risk.key())).toList());
		String week = week(at);
		Map<String, Integer> position = new HashMap<>();
		open.forEach(risk -> position.put(risk.key(), position.size()));
		Comparator<RiskSummary> order = Comparator.comparing(risk -> position.get(risk.key()));
		return recipients.values()
			.stream()
			.map(recipient -> new WeeklyDigest(recipient.id, recipient.name, recipient.email, week, recipient.roles,
					recipient.owned.stream().map(details::of).toList(),
					recipient.managed.stream().sorted(order).map(details::of).toList()))
			.sorted(Comparator.comparing(WeeklyDigest::personName).thenComparing(WeeklyDigest::personId))
			.toList();
	}

	/** "2026-W49": the ISO week-based year and week of {@code at} in the digest's zone. */
	String week(Instant at) {
		return week(at.atZone(policy().zone()));
	}

	static String week(ZonedDateTime at) {
		return "%d-W%02d".formatted(at.get(IsoFields.WEEK_BASED_YEAR), at.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	private NotificationTemplates.Rendered render(WeeklyDigest digest, Instant at) {
		NotificationPolicy.WeeklyDigest policy = policy();
		Map<String, Object> model = new HashMap<>();
		model.put("digest", digest);
		// The shared layout greets its reader by recipient.personName and shows a risk block only for a risk.
		model.put("recipient", digest);
		model.put("risk", null);
		model.put("fmt", new MessageFormat(policy.zone()));
		model.put("generatedAt", at);
		model.put("link", register);
		model.put("headline", "Your risks this week (" + digest.week() + ")");
		model.put("ask", ask(digest));
		return templates.render(policy.template(), model);
	}

	private static String ask(WeeklyDigest digest) {
		if (digest.riskCount() == 0) {
			return "Nothing open for you this week.";
		}
		long due = Stream.concat(digest.owned().stream(), digest.managed().stream())
			.filter(risk -> !risk.due().isEmpty())
			.count();
		long breached = Stream.concat(digest.owned().stream(), digest.managed().stream())
			.filter(risk -> !risk.breached().isEmpty())
			.count();
		return digest.riskCount() + (digest.riskCount() == 1 ? " open risk" : " open risks") + ": " + due
				+ " with something due in the next 7 days, " + breached + " with an SLA breached in the last 7.";
	}

	private NotificationPolicy.WeeklyDigest policy() {
		return playbook.notifications().weeklyDigest();
	}

	/** Whom one digest goes to and which risks it lists, while they are gathered. */
	private static final class Addressee {

		final long id;

		final String name;

		final String email;

		final Set<String> roles = new TreeSet<>();

		final List<RiskSummary> owned = new ArrayList<>();

		final Set<RiskSummary> managed = new LinkedHashSet<>();

		Addressee(long id, String name, String email) {
			this.id = id;
			this.name = name;
			this.email = email;
		}

	}

	/** What is due and what breached, per listed risk, read once for all digests. */
	private final class Details {

		private final Instant at;

		private final MessageFormat fmt;

		private final LocalDate lastDueDay;

		private final Map<String, List<Milestone>> milestones;

		private final Map<String, List<ClockView>> breaches = new HashMap<>();

		Details(Instant at, NotificationPolicy.WeeklyDigest policy, List<RiskSummary> listed) {
			this.at = at;
			this.fmt = new MessageFormat(policy.zone());
			this.lastDueDay = at.plus(WINDOW).atZone(policy.zone()).toLocalDate();
			Set<String> keys = listed.stream().map(RiskSummary::key).collect(Collectors.toSet());
			this.milestones = plans.openDated()
				.stream()
				.filter(milestone -> keys.contains(milestone.riskKey()) && !milestone.due().isAfter(lastDueDay))
				.sorted(Comparator.comparing(Milestone::due).thenComparing(Milestone::position))
				.collect(Collectors.groupingBy(Milestone::riskKey));
			// A breached clock stays BREACHED, so only these risks can have had a breach this week.
			listed.stream()
				.filter(risk -> risk.slaStatus() == SlaStatus.BREACHED)
				.forEach(risk -> breaches.put(risk.key(), clocks.clocksOf(risk.key())
					.stream()
					.filter(clock -> clock.breachedAt() != null && !clock.breachedAt().isBefore(at.minus(WINDOW))
							&& !clock.breachedAt().isAfter(at))
					.sorted(Comparator.comparing(ClockView::breachedAt))
					.toList()));
		}

		DigestRisk of(RiskSummary risk) {
			List<Line> due = new ArrayList<>();
			for (Milestone milestone : milestones.getOrDefault(risk.key(), List.of())) {
				due.add(new Line("Milestone: " + milestone.title(),
						(milestone.isOverdue() ? "overdue, was due " : "due ") + fmt.date(milestone.due())));
			}
			if (risk.progressDueAt() != null && !risk.progressDueAt().isAfter(at.plus(WINDOW))) {
				due.add(new Line("Progress update",
						(risk.staleSince() != null ? "overdue, was due " : "due ") + fmt.instant(risk.progressDueAt())));
			}
			List<Line> breached = breaches.getOrDefault(risk.key(), List.of())
				.stream()
				.map(clock -> new Line(clock.kind() == ClockKind.MILESTONE ? clock.target()
						: Labels.of(clock.kind()) + " SLA (" + clock.target() + ")", "breached " + fmt.instant(clock.breachedAt())))
				.toList();
			return new DigestRisk(risk.key(), risk.title(), risk.account().name(), risk.severity(), risk.status(),
					Optional.ofNullable(risk.owner()).map(owner -> owner.name()).orElse("nobody yet"),
					facts.link(risk.key()), due, breached);
		}

	}

}
