package io.riskdesk.risk;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.riskdesk.account.AccountDetails;
import io.riskdesk.account.Accounts;
import io.riskdesk.account.PersonDirectory;
import io.riskdesk.account.PersonView;
import io.riskdesk.playbook.Cadence;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.timeline.Timeline;
import io.riskdesk.timeline.TimelineEntry;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.core.ConflictException;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.core.NotFoundException;
import io.riskdesk.web.Versions;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Risk Register: logging risks, moving them through the triage workflow and recording
 * what happens to them. Every write takes the version the caller last saw (null: no check).
 */
@Service
@Transactional
public class RiskRegister {

	/** Older detections are typos; they would also make SLA clocks count years of business days. */
	private static final java.time.Duration OLDEST_DETECTION = java.time.Duration.ofDays(5 * 366);

	private final RiskRepository risks;

	private final RiskKeys keys;

	private final RegisterQuery register;

	private final Timeline timeline;

	private final Accounts accounts;

	private final PersonDirectory people;

	private final Playbook playbook;

	private final List<OpenWork> openWork;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RiskRegister(RiskRepository risks, RiskKeys keys, RegisterQuery register, Timeline timeline,
			Accounts accounts, PersonDirectory people, Playbook playbook, List<OpenWork> openWork,
			ApplicationEventPublisher events, Clock clock) {
		this.risks = risks;
		this.keys = keys;
		this.register = register;
		this.timeline = timeline;
		this.accounts = accounts;
		this.people = people;
		this.playbook = playbook;
		this.openWork = openWork;
		this.events = events;
		this.clock = clock;
	}

	/** Logs a risk a person found (source MANUAL) or that was imported (IMPORT). */
	public RiskDetails create(NewRisk form, RiskSource source, String actor) {
		Instant now = clock.instant();
		if (!accounts.exists(form.accountId())) {
			throw new InvalidFieldException("accountId", "no account with id " + form.accountId());
		}
		requirePerson("ownerId", form.ownerId());
		requirePeople("coOwnerIds", form.coOwnerIds());
		Instant detectedAt = form.detectedAt() != null ? form.detectedAt() : now;
		if (detectedAt.isAfter(now)) {
			throw new InvalidFieldException("detectedAt", "must not be in the future");
		}
		if (detectedAt.isBefore(now.minus(OLDEST_DETECTION))) {
			throw new InvalidFieldException("detectedAt", "must be within the last 5 years");
		}
		return details(risks.save(Risk.log(keys.next(), form, source, detectedAt, actor, now)));
	}

	/** Another report of the risk's problem, attached instead of logged as a new risk; 409 on a closed risk. */
	public RiskDetails attachReport(String key, Integer expectedVersion, NewReport report, String actor) {
		Risk risk = load(key, expectedVersion);
		risk.attachReport(report, actor, clock.instant());
		return details(risks.save(risk));
	}

	/** The account's risks of this category still being worked on, oldest first: what a new report may repeat. */
	@Transactional(readOnly = true)
	public List<UnresolvedRisk> unresolved(long accountId, RiskCategory category) {
		List<Risk> found = risks.findByAccountIdAndCategoryAndStatusInOrderByRiskKey(accountId, category,
				RiskStatus.UNRESOLVED);
		Map<Long, PersonView> owners = people
			.findAll(found.stream().map(Risk::getOwnerId).filter(Objects::nonNull).collect(Collectors.toSet()));
		return found.stream().map(risk -> {
			PersonView owner = risk.getOwnerId() == null ? null : owners.get(risk.getOwnerId());
			return new UnresolvedRisk(risk.getRiskKey(), risk.getTitle(), risk.getSeverity(), risk.getStatus(),
					owner == null ? null : owner.name());
		}).toList();
	}

	public RiskDetails update(String key, Integer expectedVersion, RiskUpdate update, String actor) {
		Risk risk = load(key, expectedVersion);
		requirePerson("ownerId", update.ownerId());
		requirePeople("coOwnerIds", update.coOwnerIds());
		risk.update(update, actor, clock.instant());
		return details(risks.save(risk));
	}

	public RiskDetails transition(String key, Integer expectedVersion, TransitionRequest request, String actor) {
		Risk risk = load(key, expectedVersion);
		Instant now = clock.instant();
		switch (request.to()) {
			case TRIAGED -> {
				requirePerson("ownerId", request.ownerId());
				risk.triage(request.severity(), request.ownerId(), request.reason(), this::defaultCadence, actor, now);
			}
			case ACTIVE -> risk.activate(request.reason(), actor, now);
			case RESOLVED -> risk.resolve(request.rootCause(), request.preventionItems(), request.openWork(),
					request.reason(), openElsewhere(key), actor, now);
			case CLOSED -> {
				if (request.duplicateOf() == null) {
					risk.close(request.outcome(), request.summary(), actor, now);
				}
				else {
					closeAsDuplicate(risk, request.duplicateOf().strip(), actor, now);
				}
			}
			case OPEN -> RiskWorkflow.requireAllowed(risk.getStatus(), RiskStatus.OPEN);
		}
		return details(risks.save(risk));
	}

	public RiskDetails changeSeverity(String key, Integer expectedVersion, SeverityChange change, String actor) {
		Risk risk = load(key, expectedVersion);
		risk.changeSeverity(change.severity(), change.reason(), this::defaultCadence, actor, clock.instant());
		return details(risks.save(risk));
	}

	public RiskDetails recordNotification(String key, Integer expectedVersion, String note, String actor) {
		Risk risk = load(key, expectedVersion);
		risk.recordNotification(note, actor, clock.instant());
		return details(risks.save(risk));
	}

	/** Linked both ways: the duplicate names its original, the original's timeline names the duplicate. */
	private void closeAsDuplicate(Risk risk, String originalKey, String actor, Instant now) {
		if (originalKey.isEmpty()) {
			throw new InvalidFieldException("duplicateOf", "is required: the key of the risk this one duplicates");
		}
		Risk original = risks.findByRiskKey(originalKey)
			.orElseThrow(() -> new InvalidFieldException("duplicateOf", "no risk " + originalKey));
		if (original.getDuplicateOf() != null) {
			throw new InvalidFieldException("duplicateOf", originalKey + " is itself a duplicate of "
					+ original.getDuplicateOf() + "; name that risk instead");
		}
		if (original.getStatus() == RiskStatus.CLOSED) {
			throw new InvalidFieldException("duplicateOf", originalKey + " is closed: it cannot carry the work on");
		}
		List<String> ownDuplicates = risks.findKeysByDuplicateOf(risk.getRiskKey());
		if (!ownDuplicates.isEmpty()) {
			throw new ConflictException(risk.getRiskKey() + " carries the work of its duplicates " + ownDuplicates
					+ "; close those as duplicates of " + originalKey + " first");
		}
		risk.closeAsDuplicate(originalKey, actor, now);
		events.publishEvent(new RiskEvents.DuplicateLinked(originalKey, risk.getRiskKey(), actor, now));
	}

	private List<String> openElsewhere(String key) {
		return openWork.stream().flatMap(work -> work.openOn(key).stream()).toList();
	}

	private Cadence defaultCadence(Severity severity) {
		return playbook.matrix(severity).cadence();
	}

	public RiskDetails recordTriageStep(String key, Integer expectedVersion, TriageStepRequest request, String actor) {
		Risk risk = load(key, expectedVersion);
		Cadence cadence = request.cadence();
		if (cadence == null && risk.getSeverity() != null) {
			cadence = defaultCadence(risk.getSeverity());
		}
		risk.recordTriageStep(request.step(), request.note(), cadence, actor, clock.instant());
		return details(risks.save(risk));
	}

	public RiskDetails addDecision(String key, Integer expectedVersion, String text, String actor) {
		Risk risk = load(key, expectedVersion);
		risk.addDecision(text, actor, clock.instant());
		return details(risks.save(risk));
	}

	public RiskDetails raiseBlocker(String key, Integer expectedVersion, String description, String actor) {
		Risk risk = load(key, expectedVersion);
		risk.raiseBlocker(description, actor, clock.instant());
		return details(risks.save(risk));
	}

	public RiskDetails clearBlocker(String key, Integer expectedVersion, int number, String resolution, String actor) {
		Risk risk = load(key, expectedVersion);
		risk.clearBlocker(number, resolution, actor, clock.instant());
		return details(risks.save(risk));
	}

	public RiskDetails recordFirstResponse(String key, Integer expectedVersion, String note, String actor) {
		Risk risk = load(key, expectedVersion);
		risk.recordFirstResponse(note, actor, clock.instant());
		return details(risks.save(risk));
	}

	@Transactional(readOnly = true)
	public RiskDetails get(String key) {
		return details(load(key, null));
	}

	@Transactional(readOnly = true)
	public Page<RiskSummary> list(RiskQuery query, Pageable pageable) {
		return register.find(query, pageable);
	}

	/**
	 * The view's risks after a cursor from an earlier answer (null: from the start), {@code size}
	 * of them, and the cursor of the next page when there is one; 400 on {@code after} when the
	 * cursor is not one of these or was made for another sort.
	 */
	@Transactional(readOnly = true)
	public RiskScroll scroll(RiskQuery query, Sort sort, int size, String after) {
		return register.scroll(query, sort, size, after);
	}

	/**
	 * Every risk of a view, in its order, read by one statement (one snapshot: a risk changed or
	 * logged meanwhile neither shows twice nor shifts another out) and streamed from the
	 * database a few hundred rows at a time, so memory stays flat however many there are.
	 */
	@Transactional(readOnly = true)
	public void forEach(RiskQuery query, Sort sort, Consumer<RiskSummary> action) {
		register.stream(query, sort, action);
	}

	@Transactional(readOnly = true)
	public List<TimelineEntry> timeline(String key) {
		requireExists(key);
		return timeline.of(key);
	}

	/** The risk's status, without loading the risk; 404 for an unknown key. */
	@Transactional(readOnly = true)
	public RiskStatus status(String key) {
		return risks.findStatusByRiskKey(key).map(RiskStatus::valueOf).orElseThrow(() -> new NotFoundException("Risk", key));
	}

	/** 404 for an unknown key, without loading the risk. */
	@Transactional(readOnly = true)
	public void requireExists(String key) {
		if (!risks.existsByRiskKey(key)) {
			throw new NotFoundException("Risk", key);
		}
	}

	private Risk load(String key, Integer expectedVersion) {
		Risk risk = risks.findByRiskKey(key).orElseThrow(() -> new NotFoundException("Risk", key));
		Versions.check(expectedVersion, risk.getVersion(), "Risk " + key);
		return risk;
	}

	private void requirePerson(String field, Long id) {
		if (id != null && !people.exists(id)) {
			throw new InvalidFieldException(field, "no person with id " + id);
		}
	}

	private void requirePeople(String field, List<Long> ids) {
		if (ids == null) {
			return;
		}
		Set<Long> known = people.findAll(ids).keySet();
		IntStream.range(0, ids.size())
			.filter(i -> !known.contains(ids.get(i)))
			.findFirst()
			.ifPresent(i -> {
				throw new InvalidFieldException(field + "[" + i + "]", "no person with id " + ids.get(i));
			});
	}

	private RiskDetails details(Risk risk) {
		AccountDetails account = accounts.get(risk.getAccountId());
		Set<Long> personIds = new HashSet<>(risk.coOwnerIds());
		if (risk.getOwnerId() != null) {
			personIds.add(risk.getOwnerId());
		}
		Map<Long, PersonView> persons = people.findAll(personIds);
		List<Risk.Blocker> blockers = risk.getBlockers();
		List<Risk.Decision> decisions = risk.getDecisions();
		return new RiskDetails(risk.getRiskKey(), risk.getVersion(),
				new RiskDetails.AccountRef(account.id(), account.name()), risk.getTitle(), risk.getCategory(),
				risk.getDescription(), risk.getSeverity(), risk.getStatus(), risk.getSource(), risk.getCadence(),
				risk.isSecurityLegalApplicable(), ref(persons.get(risk.getOwnerId())),
				risk.coOwnerIds().stream().map(id -> ref(persons.get(id))).toList(), account.arr(),
				account.renewalDate(), account.daysToRenewal(), risk.getDetectedAt(), risk.getLoggedAt(),
				risk.getTriagedAt(), risk.getTriageCompletedAt(), risk.getFirstResponseAt(), risk.getResolvedAt(),
				risk.getClosedAt(),
				risk.evidenceTexts(),
				risk.triageStepsInOrder()
					.stream()
					.map(s -> new RiskDetails.TriageStepView(s.step(), s.doneAt(), s.doneBy(), s.note()))
					.toList(),
				risk.missingTriageSteps(),
				IntStream.range(0, decisions.size())
					.mapToObj(i -> new RiskDetails.DecisionView(i + 1, decisions.get(i).text(),
							decisions.get(i).decidedAt(), decisions.get(i).decidedBy()))
					.toList(),
				IntStream.range(0, blockers.size()).mapToObj(i -> {
					Risk.Blocker b = blockers.get(i);
					return new RiskDetails.BlockerView(i + 1, b.description(), b.open(), b.raisedAt(), b.raisedBy(),
							b.clearedAt(), b.clearedBy(), b.resolution());
				}).toList(),
				risk.getRootCause(), risk.preventionViews(), risk.getOutcome(), risk.getClosingSummary(),
				risk.getDuplicateOf(),
				risks.findKeysByDuplicateOf(risk.getRiskKey()), RiskWorkflow.allowedFrom(risk.getStatus()));
	}

	private static RiskDetails.PersonRef ref(PersonView person) {
		return person == null ? null : new RiskDetails.PersonRef(person.id(), person.name(), person.email());
	}

}
