package io.riskdesk.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.riskdesk.core.SaneDate;
import io.riskdesk.core.Text;
import io.riskdesk.playbook.Severity;
import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The facts of the Risk Register, one record each, published in the transaction that makes them.
 * Each is a line of the risk's timeline too. Facts that move SLA clocks carry {@link SlaInputs},
 * so their listeners need not load the risk again.
 */
public final class RiskEvents {

	private RiskEvents() {
	}

	/** What a risk's SLA clocks count from, and the promises it kept already. */
	public record SlaInputs(long accountId, RiskStatus status, Severity severity, Instant detectedAt,
			Instant firstResponseAt, Instant notifiedAt) {

		/** Not yet resolved: its promises are still owed. */
		public boolean unresolved() {
			return RiskStatus.UNRESOLVED.contains(status);
		}
	}

	public record RiskLogged(String riskKey, String title, RiskSource source, SlaInputs sla, String actor, Instant at)
			implements TimelineFact {

		public TimelineKind kind() {
			return TimelineKind.LOGGED;
		}

		public String summary() {
			return "Risk logged: " + title;
		}

		public String after() {
			return RiskStatus.OPEN.name();
		}

		public Map<String, Object> details() {
			return Map.of("source", source.name(), "detectedAt", sla.detectedAt().toString());
		}
	}

	/** A descriptive field changed: title, description, category, owner, co-owners, evidence, cadence, security/legal applicable. */
	public record RiskUpdated(String riskKey, String field, String before, String after, String summary, String actor,
			Instant at) implements TimelineFact {

		public TimelineKind kind() {
			return TimelineKind.UPDATED;
		}

		public Map<String, Object> details() {
			return Map.of("field", field);
		}
	}

	/** Always with a reason, whether changed on its own or at triage. */
	public record SeverityChanged(String riskKey, Severity from, Severity to, String reason, SlaInputs sla, String actor,
			Instant at) implements TimelineFact {

		public TimelineKind kind() {
			return TimelineKind.SEVERITY_CHANGED;
		}

		public String summary() {
			return "Severity " + before() + " -> " + to + ": " + reason;
		}

		public String before() {
			return from == null ? "none" : from.name();
		}

		public String after() {
			return to.name();
		}

		public Map<String, Object> details() {
			return Map.of("reason", reason);
		}

		/** Raised, not lowered: a higher level's people and clocks are owed more. */
		public boolean escalation() {
			return from == null || to.compareTo(from) < 0;
		}
	}

	public record TriageStepRecorded(String riskKey, TriageStep step, String note, String actor, Instant at)
			implements TimelineFact {

		public TimelineKind kind() {
			return TimelineKind.TRIAGE_STEP;
		}

		public String summary() {
			return "Triage step " + step + (note == null ? "" : ": " + note);
		}

		public Map<String, Object> details() {
			return Map.of("step", step.name());
		}
	}

	/** A move through the workflow. */
	public interface StatusChanged extends TimelineFact {

		RiskStatus from();

		RiskStatus to();

		/** Why, or what came with the move (a root cause, an outcome); may be null. */
		String note();

		default TimelineKind kind() {
			return TimelineKind.TRANSITIONED;
		}

		default String summary() {
			return from() + " -> " + to() + (note() == null ? "" : ": " + note());
		}

		default String before() {
			return from().name();
		}

		default String after() {
			return to().name();
		}
	}

	/** OPEN -> TRIAGED, with the severity and owner the risk now has. */
	public record RiskTriaged(String riskKey, long ownerId, SlaInputs sla, String actor, Instant at)
			implements StatusChanged {

		public RiskStatus from() {
			return RiskStatus.OPEN;
		}

		public RiskStatus to() {
			return RiskStatus.TRIAGED;
		}

		public String note() {
			return null;
		}
	}

	/** TRIAGED -> ACTIVE: triage is done. */
	public record RiskActivated(String riskKey, String note, String actor, Instant at) implements StatusChanged {

		public RiskStatus from() {
			return RiskStatus.TRIAGED;
		}

		public RiskStatus to() {
			return RiskStatus.ACTIVE;
		}
	}

	/** RESOLVED -> ACTIVE, with the reason. */
	public record RiskReopened(String riskKey, String note, String actor, Instant at) implements StatusChanged {

		public RiskStatus from() {
			return RiskStatus.RESOLVED;
		}

		public RiskStatus to() {
			return RiskStatus.ACTIVE;
		}
	}

	/**
	 * A prevention item: what keeps the problem from coming back, who does it, by when. A resolve
	 * names each with all three; a bare text (as clients sent before) is read as an item that
	 * lacks its owner and due date, and refused naming them.
	 */
	public record Prevention(@NotBlank @Text(max = Text.LINE) String text, @NotBlank @Text(max = Text.NAME) String owner,
			@NotNull @SaneDate LocalDate due) {

		@JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
		public Prevention {
		}

		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		static Prevention of(String text) {
			return new Prevention(text, null, null);
		}

		Prevention stripped() {
			return new Prevention(text.strip(), owner.strip(), due);
		}
	}

	/**
	 * {@code prevention}: the items the resolver named, each with owner and due date (tracked from
	 * now on); {@code openWork}: what was done with work still open, or null when there was none.
	 */
	public record RiskResolved(String riskKey, String rootCause, List<Prevention> prevention, OpenWork.Choice openWork,
			String actor, Instant at) implements StatusChanged {

		public RiskStatus from() {
			return RiskStatus.ACTIVE;
		}

		public RiskStatus to() {
			return RiskStatus.RESOLVED;
		}

		public String note() {
			return "Root cause: " + rootCause;
		}
	}

	public record RiskClosed(String riskKey, Outcome outcome, String closingSummary, String actor, Instant at)
			implements StatusChanged {

		public RiskStatus from() {
			return RiskStatus.RESOLVED;
		}

		public RiskStatus to() {
			return RiskStatus.CLOSED;
		}

		public String note() {
			return "Outcome: " + outcome + ". " + closingSummary;
		}
	}

	/** Closed as a duplicate of {@code original}, from whatever status it had. */
	public record RiskClosedAsDuplicate(String riskKey, RiskStatus from, String original, String actor, Instant at)
			implements StatusChanged {

		public RiskStatus to() {
			return RiskStatus.CLOSED;
		}

		public String note() {
			return "Duplicate of " + original;
		}

		public Map<String, Object> details() {
			return Map.of("duplicateOf", original);
		}
	}

	/** The other side of {@link RiskClosedAsDuplicate}: on the timeline of the risk that carries on. */
	public record DuplicateLinked(String riskKey, String duplicate, String actor, Instant at) implements TimelineFact {

		public TimelineKind kind() {
			return TimelineKind.DUPLICATE_LINKED;
		}

		public String summary() {
			return duplicate + " was closed as a duplicate of this risk";
		}

		public Map<String, Object> details() {
			return Map.of("duplicate", duplicate);
		}
	}

	/**
	 * Another report of this risk's problem, attached instead of logged as a new risk; its
	 * evidence joined the risk's ({@code evidenceAdded}: the items it did not have yet).
	 */
	public record ReportAttached(String riskKey, String title, String description, int evidenceAdded, String actor,
			Instant at) implements TimelineFact {

		public TimelineKind kind() {
			return TimelineKind.REPORT_ATTACHED;
		}

		public String summary() {
			return "Reported again: " + title + (description == null ? "" : "\n" + description);
		}

		public Map<String, Object> details() {
			return Map.of("title", title, "evidenceAdded", evidenceAdded);
		}
	}

	public record DecisionAdded(String riskKey, int number, String text, String actor, Instant at)
			implements TimelineFact {

		public TimelineKind kind() {
			return TimelineKind.DECISION;
		}

		public String summary() {
			return "Decision: " + text;
		}

		public Map<String, Object> details() {
			return Map.of("number", number);
		}
	}

	public record BlockerRaised(String riskKey, int number, String description, String actor, Instant at)
			implements TimelineFact {

		public TimelineKind kind() {
			return TimelineKind.BLOCKER_RAISED;
		}

		public String summary() {
			return "Blocker #" + number + " raised: " + description;
		}

		public String after() {
			return "open";
		}

		public Map<String, Object> details() {
			return Map.of("number", number);
		}
	}

	public record BlockerCleared(String riskKey, int number, String resolution, String actor, Instant at)
			implements TimelineFact {

		public TimelineKind kind() {
			return TimelineKind.BLOCKER_CLEARED;
		}

		public String summary() {
			return "Blocker #" + number + " cleared: " + resolution;
		}

		public String before() {
			return "open";
		}

		public String after() {
			return "cleared";
		}

		public Map<String, Object> details() {
			return Map.of("number", number);
		}
	}

	/** The first response to the customer went out: the first-response clock is met. */
	public record FirstResponseRecorded(String riskKey, String note, String actor, Instant at) implements TimelineFact {

		public TimelineKind kind() {
			return TimelineKind.FIRST_RESPONSE;
		}

		public String summary() {
			return "First response: " + note;
		}

		public String after() {
			return at.toString();
		}
	}

	/** The escalation matrix's stakeholders for {@code severity} were told (again, after an escalation). */
	public record StakeholdersNotified(String riskKey, Severity severity, String note, String actor, Instant at)
			implements TimelineFact {

		public TimelineKind kind() {
			return TimelineKind.STAKEHOLDERS_NOTIFIED;
		}

		public String summary() {
			return "Stakeholders notified for " + severity + ": " + note;
		}

		public String after() {
			return severity.name();
		}

		public Map<String, Object> details() {
			return Map.of("severity", severity.name());
		}
	}

}
