package io.riskdesk.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.riskdesk.playbook.Cadence;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.core.ConflictException;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.core.NotFoundException;
import io.riskdesk.core.Text;
import io.riskdesk.core.TextValidator;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One entry of the Risk Register and the rules of its workflow. Every change registers one of
 * the {@link RiskEvents}, published when the risk is saved; the timeline is written from them.
 */
@Table("risk")
class Risk extends AbstractAggregateRoot<Risk> {

	@Id
	private Long id;

	@Version
	private Integer version;

	private String riskKey;

	private Long accountId;

	private String title;

	private RiskCategory category;

	private String description;

	private Severity severity;

	private RiskStatus status;

	private RiskSource source;

	private Cadence cadence;

	/** Security and Legal are told of this risk even though it is no INCIDENT (the matrix's "if applicable" roles). */
	private boolean securityLegalApplicable;

	private Long ownerId;

	private Instant detectedAt;

	private Instant loggedAt;

	private Instant triagedAt;

	private Instant firstResponseAt;

	private Instant resolvedAt;

	private Instant closedAt;

	/** When the last of the five triage steps was recorded. */
	private Instant triageCompletedAt;

	private String rootCause;

	private Outcome outcome;

	/** What happened and how it ended, written at close. */
	private String closingSummary;

	/** The risk this one duplicates, when it was closed as a duplicate. */
	private String duplicateOf;

	@MappedCollection(idColumn = "risk_id")
	private Set<CoOwner> coOwners = new HashSet<>();

	@MappedCollection(idColumn = "risk_id", keyColumn = "position")
	private List<Evidence> evidence = new ArrayList<>();

	@MappedCollection(idColumn = "risk_id", keyColumn = "position")
	private List<PreventionItem> preventionItems = new ArrayList<>();

	@MappedCollection(idColumn = "risk_id")
	private Set<TriageStepDone> triageSteps = new HashSet<>();

	@MappedCollection(idColumn = "risk_id", keyColumn = "position")
	private List<Decision> decisions = new ArrayList<>();

	@MappedCollection(idColumn = "risk_id", keyColumn = "position")
	private List<Blocker> blockers = new ArrayList<>();

	@Table("risk_co_owner")
	record CoOwner(Long personId) {
	}

	@Table("risk_evidence")
	record Evidence(String text) {
	}

	/** Owner and due date are null for open work carried over at resolve: it is tracked where it came from. */
	@Table("risk_prevention_item")
	record PreventionItem(String text, String owner, @Column("due_date") LocalDate due) {

		RiskEvents.Prevention view() {
			return new RiskEvents.Prevention(text, owner, due);
		}
	}

	@Table("risk_triage_step")
	record TriageStepDone(TriageStep step, Instant doneAt, String doneBy, String note) {
	}

	@Table("risk_decision")
	record Decision(String text, Instant decidedAt, String decidedBy) {
	}

	@Table("risk_blocker")
	record Blocker(String description, Instant raisedAt, String raisedBy, Instant clearedAt, String clearedBy,
			String resolution) {

		boolean open() {
			return clearedAt == null;
		}

	}

	Risk() {
	}

	/** Logs a new risk: the first triage step. */
	static Risk log(String key, NewRisk form, RiskSource source, Instant detectedAt, String actor, Instant now) {
		Risk risk = new Risk();
		risk.riskKey = key;
		risk.accountId = form.accountId();
		risk.title = form.title().strip();
		risk.category = form.category();
		risk.description = form.description();
		risk.severity = form.severity();
		risk.ownerId = form.ownerId();
		risk.coOwners = toCoOwners(form.coOwnerIds());
		risk.evidence = form.evidence().stream().map(Evidence::new).collect(Collectors.toCollection(ArrayList::new));
		risk.status = RiskStatus.OPEN;
		risk.source = source;
		risk.detectedAt = detectedAt;
		risk.loggedAt = now;
		risk.triageSteps.add(new TriageStepDone(TriageStep.LOG_RISK, now, actor, null));
		risk.registerEvent(new RiskEvents.RiskLogged(key, risk.title, source, risk.slaInputs(), actor, now));
		return risk;
	}

	/** Changes the descriptive fields; null means "leave as it is". */
	void update(RiskUpdate update, String actor, Instant now) {
		requireNotClosed();
		if (update.title() != null && !update.title().strip().equals(title)) {
			changed("title", title, update.title().strip(), actor, now);
			title = update.title().strip();
		}
		if (update.description() != null && !update.description().equals(description)) {
			changed("description", description, update.description(), actor, now);
			description = update.description();
		}
		if (update.category() != null && update.category() != category) {
			changed("category", category, update.category(), actor, now);
			category = update.category();
		}
		if (update.ownerId() != null && !update.ownerId().equals(ownerId)) {
			changed("owner", ownerId, update.ownerId(), actor, now);
			ownerId = update.ownerId();
		}
		if (update.coOwnerIds() != null && !toCoOwners(update.coOwnerIds()).equals(coOwners)) {
			changed("co-owners", coOwnerIds(), update.coOwnerIds(), actor, now);
			coOwners = toCoOwners(update.coOwnerIds());
		}
		if (update.evidence() != null && !update.evidence().equals(evidenceTexts())) {
			changed("evidence", evidenceTexts().size() + " items", update.evidence().size() + " items", actor, now);
			evidence = update.evidence().stream().map(Evidence::new).collect(Collectors.toCollection(ArrayList::new));
		}
		if (update.cadence() != null && update.cadence() != cadence) {
			changed("cadence", cadence, update.cadence(), actor, now);
			cadence = update.cadence();
		}
		if (update.securityLegalApplicable() != null && update.securityLegalApplicable() != securityLegalApplicable) {
			changed("security/legal applicable", securityLegalApplicable, update.securityLegalApplicable(), actor, now);
			securityLegalApplicable = update.securityLegalApplicable();
		}
	}

	/**
	 * OPEN -> TRIAGED: needs a severity and an owner, given now or before. Changing a severity the
	 * risk already had needs a reason, as any severity change does: otherwise triage would be a
	 * quiet way out of a warned clock.
	 */
	void triage(Severity newSeverity, Long newOwnerId, String reason, Function<Severity, Cadence> defaultCadence,
			String actor, Instant now) {
		RiskWorkflow.requireAllowed(status, RiskStatus.TRIAGED);
		Severity chosen = newSeverity != null ? newSeverity : severity;
		Long owner = newOwnerId != null ? newOwnerId : ownerId;
		if (chosen == null) {
			throw new InvalidFieldException("severity", "is required to triage a risk");
		}
		if (owner == null) {
			throw new InvalidFieldException("ownerId", "is required to triage a risk");
		}
		if (severity != null && chosen != severity) {
			requireText("reason", reason, Text.LINE, "is required to change the severity at triage (it is " + severity + ")");
			recordSeverityChange(chosen, "at triage: " + reason.strip(), defaultCadence, actor, now);
		}
		severity = chosen;
		ownerId = owner;
		triagedAt = now;
		recordStep(TriageStep.ASSIGN_SEVERITY_AND_OWNERS, actor, now, "Severity " + chosen + ", owner " + owner);
		status = RiskStatus.TRIAGED;
		registerEvent(new RiskEvents.RiskTriaged(riskKey, owner, slaInputs(), actor, now));
	}

	/** TRIAGED -> ACTIVE once all five triage steps are recorded; RESOLVED -> ACTIVE reopens with a reason. */
	void activate(String reason, String actor, Instant now) {
		RiskWorkflow.requireAllowed(status, RiskStatus.ACTIVE);
		if (status == RiskStatus.RESOLVED) {
			requireText("reason", reason, Text.LINE, "is required to reopen a risk");
			resolvedAt = null;
			status = RiskStatus.ACTIVE;
			registerEvent(new RiskEvents.RiskReopened(riskKey, reason.strip(), actor, now));
			return;
		}
		Set<TriageStep> missing = missingTriageSteps();
		if (!missing.isEmpty()) {
			throw new ConflictException("Triage is not complete: record " + missing + " before the risk becomes ACTIVE",
					Map.of("missingTriageSteps", missing));
		}
		status = RiskStatus.ACTIVE;
		registerEvent(new RiskEvents.RiskActivated(riskKey, reason, actor, now));
	}

	/**
	 * ACTIVE -> RESOLVED: only with a root cause and at least one prevention item. Open work
	 * (its own open blockers, and what other modules keep open) needs an explicit choice: carried
	 * over as prevention items, or dropped with a reason.
	 */
	void resolve(String cause, List<RiskEvents.Prevention> prevention, OpenWork.Choice choice, String reason,
			List<String> openElsewhere, String actor, Instant now) {
		RiskWorkflow.requireAllowed(status, RiskStatus.RESOLVED);
		requireText("rootCause", cause, Text.LONG, "is required to resolve a risk");
		List<RiskEvents.Prevention> items = prevention == null ? List.of()
				: prevention.stream().filter(Objects::nonNull).toList();
		for (int i = 0; i < items.size(); i++) {
			String field = "preventionItems[" + i + "].";
			requireText(field + "text", items.get(i).text(), Text.LINE, "is required");
			requireText(field + "owner", items.get(i).owner(), Text.NAME, "is required: who sees to it");
			if (items.get(i).due() == null) {
				throw new InvalidFieldException(field + "due", "is required: by when");
			}
		}
		items = items.stream().map(RiskEvents.Prevention::stripped).toList();
		if (items.isEmpty()) {
			throw new InvalidFieldException("preventionItems", "needs at least one item to resolve a risk");
		}
		List<String> open = new ArrayList<>();
		openBlockers().forEach(number -> open.add("Blocker #" + number + ": " + blockers.get(number - 1).description()));
		open.addAll(openElsewhere);
		if (!open.isEmpty() && choice == null) {
			throw new ConflictException("Risk " + riskKey + " has open work: " + String.join("; ", open)
					+ ". Resolve with openWork CARRY_AS_PREVENTION to keep it as prevention items, or DROP with a reason",
					Map.of("openWork", open));
		}
		if (!open.isEmpty() && choice == OpenWork.Choice.DROP) {
			requireText("reason", reason, Text.LINE, "is required to drop open work at resolve");
		}
		List<PreventionItem> kept = items.stream()
			.map(p -> new PreventionItem(p.text(), p.owner(), p.due()))
			.collect(Collectors.toCollection(ArrayList::new));
		if (choice == OpenWork.Choice.CARRY_AS_PREVENTION) {
			open.stream().map(item -> new PreventionItem("Carried over: " + item, null, null)).forEach(kept::add);
		}
		for (int number : openBlockers()) {
			clearBlocker(number, choice == OpenWork.Choice.DROP ? "Dropped at resolve: " + reason.strip()
					: "Carried into prevention at resolve", actor, now);
		}
		rootCause = cause.strip();
		preventionItems = kept;
		resolvedAt = now;
		status = RiskStatus.RESOLVED;
		registerEvent(new RiskEvents.RiskResolved(riskKey, rootCause, items, open.isEmpty() ? null : choice, actor, now));
	}

	private List<Integer> openBlockers() {
		List<Integer> numbers = new ArrayList<>();
		for (int i = 0; i < blockers.size(); i++) {
			if (blockers.get(i).open()) {
				numbers.add(i + 1);
			}
		}
		return numbers;
	}

	/**
	 * Closed at any point before CLOSED as a duplicate of {@code original}, which carries the
	 * work on: no business outcome, and nothing of this risk is resolved.
	 */
	void closeAsDuplicate(String original, String actor, Instant now) {
		requireNotClosed();
		if (original.equals(riskKey)) {
			throw new InvalidFieldException("duplicateOf", "names this risk itself");
		}
		RiskStatus from = status;
		status = RiskStatus.CLOSED;
		closedAt = now;
		duplicateOf = original;
		registerEvent(new RiskEvents.RiskClosedAsDuplicate(riskKey, from, original, actor, now));
	}

	/** RESOLVED -> CLOSED with the outcome for the account and a short summary of how it ended. */
	void close(Outcome result, String summary, String actor, Instant now) {
		RiskWorkflow.requireAllowed(status, RiskStatus.CLOSED);
		if (result == null) {
			throw new InvalidFieldException("outcome", "is required to close a risk: one of "
					+ List.of(Outcome.values()));
		}
		requireText("summary", summary, Text.NOTE, "is required to close a risk: what happened and how it ended");
		outcome = result;
		closingSummary = summary.strip();
		closedAt = now;
		status = RiskStatus.CLOSED;
		registerEvent(new RiskEvents.RiskClosed(riskKey, result, closingSummary, actor, now));
	}

	/** Severity may change at any time before close, always with a reason. */
	void changeSeverity(Severity newSeverity, String reason, Function<Severity, Cadence> defaultCadence, String actor,
			Instant now) {
		requireNotClosed();
		if (newSeverity == null) {
			throw new InvalidFieldException("severity", "is required");
		}
		requireText("reason", reason, Text.LINE, "is required to change the severity");
		if (newSeverity == severity) {
			throw new ConflictException("The risk is already " + newSeverity);
		}
		recordSeverityChange(newSeverity, reason.strip(), defaultCadence, actor, now);
	}

	/**
	 * A cadence that is the playbook's default for the old severity follows the new one (S2's
	 * weekly meeting becomes S0's daily war room); one the owner chose stays.
	 */
	private void recordSeverityChange(Severity newSeverity, String reason, Function<Severity, Cadence> defaultCadence,
			String actor, Instant now) {
		Severity old = severity;
		severity = newSeverity;
		registerEvent(new RiskEvents.SeverityChanged(riskKey, old, newSeverity, reason, slaInputs(), actor, now));
		if (old != null && cadence != null && cadence == defaultCadence.apply(old)
				&& cadence != defaultCadence.apply(newSeverity)) {
			Cadence planned = defaultCadence.apply(newSeverity);
			registerEvent(new RiskEvents.RiskUpdated(riskKey, "cadence", cadence.name(), planned.name(),
					"Cadence re-planned to " + planned + ", the playbook's default for " + newSeverity, actor, now));
			cadence = planned;
		}
	}

	/**
	 * The stakeholders the escalation matrix names for the current severity were notified; after
	 * an escalation the new level's people are owed this again.
	 */
	void recordNotification(String note, String actor, Instant now) {
		requireNotClosed();
		if (severity == null) {
			throw new ConflictException("Risk " + riskKey + " has no severity yet: the matrix names nobody to notify");
		}
		requireText("text", note, Text.NOTE, "is required: who was notified, and how");
		registerEvent(new RiskEvents.StakeholdersNotified(riskKey, severity, note.strip(), actor, now));
	}

	/** Records CREATE_CAP, NOTIFY_STAKEHOLDERS or SET_CADENCE; the other two are recorded by logging and triage. */
	void recordTriageStep(TriageStep step, String note, Cadence chosenCadence, String actor, Instant now) {
		requireNotClosed();
		if (step == TriageStep.LOG_RISK || step == TriageStep.ASSIGN_SEVERITY_AND_OWNERS) {
			throw new ConflictException(step + " is recorded by logging and triaging the risk");
		}
		if (stepDone(step)) {
			throw new ConflictException(step + " was already recorded");
		}
		if (step != TriageStep.SET_CADENCE) {
			requireText("note", note, Text.NOTE, "is required for " + step + " (what was planned or who was notified)");
		}
		else {
			if (chosenCadence == null) {
				throw new InvalidFieldException("cadence",
						"is required: the risk has no severity to take the escalation matrix's cadence from");
			}
			cadence = chosenCadence;
		}
		recordStep(step, actor, now, step == TriageStep.SET_CADENCE ? "Cadence " + cadence : note.strip());
	}

	void addDecision(String text, String actor, Instant now) {
		requireNotClosed();
		requireText("text", text, Text.NOTE, "is required");
		decisions.add(new Decision(text.strip(), now, actor));
		registerEvent(new RiskEvents.DecisionAdded(riskKey, decisions.size(), text.strip(), actor, now));
	}

	void raiseBlocker(String description, String actor, Instant now) {
		requireNotClosed();
		requireText("description", description, Text.NOTE, "is required");
		blockers.add(new Blocker(description.strip(), now, actor, null, null, null));
		registerEvent(new RiskEvents.BlockerRaised(riskKey, blockers.size(), description.strip(), actor, now));
	}

	void clearBlocker(int number, String resolution, String actor, Instant now) {
		requireNotClosed();
		if (number < 1 || number > blockers.size()) {
			throw new NotFoundException("Blocker", "#" + number + " of " + riskKey);
		}
		Blocker blocker = blockers.get(number - 1);
		if (!blocker.open()) {
			throw new ConflictException("Blocker #" + number + " was already cleared at " + blocker.clearedAt());
		}
		requireText("resolution", resolution, Text.NOTE, "is required to clear a blocker");
		blockers.set(number - 1, new Blocker(blocker.description(), blocker.raisedAt(), blocker.raisedBy(), now, actor,
				resolution.strip()));
		registerEvent(new RiskEvents.BlockerCleared(riskKey, number, resolution.strip(), actor, now));
	}

	/** The first response to the customer: stops the first-response SLA clock. */
	void recordFirstResponse(String note, String actor, Instant now) {
		requireNotClosed();
		if (firstResponseAt != null) {
			throw new ConflictException("The first response was already recorded at " + firstResponseAt);
		}
		requireText("note", note, Text.NOTE, "is required: how and to whom the first response went");
		firstResponseAt = now;
		registerEvent(new RiskEvents.FirstResponseRecorded(riskKey, note.strip(), actor, now));
	}

	/**
	 * Another report of this risk's problem: its evidence joins the risk's (an item the risk has
	 * already is not added twice), its title and description go to the timeline.
	 */
	void attachReport(NewReport report, String actor, Instant now) {
		requireNotClosed();
		List<String> known = evidenceTexts();
		List<String> added = report.evidence().stream().filter(item -> !known.contains(item)).distinct().toList();
		if (known.size() + added.size() > Text.ITEMS) {
			throw new InvalidFieldException("evidence", "would give risk " + riskKey + " " + (known.size() + added.size())
					+ " evidence items; a risk holds at most " + Text.ITEMS);
		}
		added.forEach(item -> evidence.add(new Evidence(item)));
		String description = report.description() == null || report.description().isBlank() ? null
				: report.description().strip();
		registerEvent(new RiskEvents.ReportAttached(riskKey, report.title().strip(), description, added.size(), actor, now));
	}

	Set<TriageStep> missingTriageSteps() {
		Set<TriageStep> missing = EnumSet.allOf(TriageStep.class);
		triageSteps.forEach(done -> missing.remove(done.step()));
		return missing;
	}

	private boolean stepDone(TriageStep step) {
		return triageSteps.stream().anyMatch(done -> done.step() == step);
	}

	private void recordStep(TriageStep step, String actor, Instant now, String note) {
		triageSteps.removeIf(done -> done.step() == step);
		triageSteps.add(new TriageStepDone(step, now, actor, note));
		if (triageCompletedAt == null && missingTriageSteps().isEmpty()) {
			triageCompletedAt = now;
		}
		registerEvent(new RiskEvents.TriageStepRecorded(riskKey, step, note, actor, now));
	}

	private void changed(String field, Object before, Object after, String actor, Instant now) {
		registerEvent(new RiskEvents.RiskUpdated(riskKey, field, before == null ? null : before.toString(),
				after == null ? null : after.toString(), "Changed " + field, actor, now));
	}

	/** What the SLA clocks need of this risk, as it is now. */
	private RiskEvents.SlaInputs slaInputs() {
		Instant notifiedAt = triageSteps.stream()
			.filter(done -> done.step() == TriageStep.NOTIFY_STAKEHOLDERS)
			.map(TriageStepDone::doneAt)
			.findFirst()
			.orElse(null);
		return new RiskEvents.SlaInputs(accountId, status, severity, detectedAt, firstResponseAt, notifiedAt);
	}

	private void requireNotClosed() {
		if (status == RiskStatus.CLOSED) {
			throw new ConflictException("Risk " + riskKey + " is closed; a closed risk cannot be changed");
		}
	}

	/**
	 * Every free text of a risk's actions: present, and a plain text within the limit its API
	 * record names, since the pages post these texts as plain parameters.
	 */
	private static void requireText(String field, String value, int max, String reason) {
		if (value == null || value.isBlank()) {
			throw new InvalidFieldException(field, reason);
		}
		TextValidator.check(field, value, max);
	}

	private static Set<CoOwner> toCoOwners(List<Long> ids) {
		return ids == null ? new HashSet<>() : ids.stream().map(CoOwner::new).collect(Collectors.toCollection(HashSet::new));
	}

	List<Long> coOwnerIds() {
		return coOwners.stream().map(CoOwner::personId).sorted().toList();
	}

	List<String> evidenceTexts() {
		return evidence.stream().map(Evidence::text).toList();
	}

	List<RiskEvents.Prevention> preventionViews() {
		return preventionItems.stream().map(PreventionItem::view).toList();
	}

	List<TriageStepDone> triageStepsInOrder() {
		return triageSteps.stream().sorted(Comparator.comparing(TriageStepDone::step)).toList();
	}

	List<Decision> getDecisions() {
		return decisions;
	}

	List<Blocker> getBlockers() {
		return blockers;
	}

	Long getId() {
		return id;
	}

	int getVersion() {
		return version == null ? 0 : version;
	}

	String getRiskKey() {
		return riskKey;
	}

	Long getAccountId() {
		return accountId;
	}

	String getTitle() {
		return title;
	}

	RiskCategory getCategory() {
		return category;
	}

	String getDescription() {
		return description;
	}

	Severity getSeverity() {
		return severity;
	}

	RiskStatus getStatus() {
		return status;
	}

	RiskSource getSource() {
		return source;
	}

	Cadence getCadence() {
		return cadence;
	}

	boolean isSecurityLegalApplicable() {
		return securityLegalApplicable;
	}

	Long getOwnerId() {
		return ownerId;
	}

	Instant getDetectedAt() {
		return detectedAt;
	}

	Instant getLoggedAt() {
		return loggedAt;
	}

	Instant getTriagedAt() {
		return triagedAt;
	}

	Instant getFirstResponseAt() {
		return firstResponseAt;
	}

	Instant getResolvedAt() {
		return resolvedAt;
	}

	Instant getTriageCompletedAt() {
		return triageCompletedAt;
	}

	String getClosingSummary() {
		return closingSummary;
	}

	Instant getClosedAt() {
		return closedAt;
	}

	String getRootCause() {
		return rootCause;
	}

	String getDuplicateOf() {
		return duplicateOf;
	}

	Outcome getOutcome() {
		return outcome;
	}

}
