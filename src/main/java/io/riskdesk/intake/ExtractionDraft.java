package io.riskdesk.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import io.riskdesk.account.Money;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.signal.TextSignal;

/**
 * What the extractor read from one escalation email or meeting note, for a person to check
 * before anything is saved. Every value carries the {@link Span} it came from, so a reviewer
 * can see the words behind it. A value the document does not state is {@code null} or an
 * empty list, never a guess.
 */
public record ExtractionDraft(
		Field<String> accountName,
		Field<LocalDate> documentDate,
		List<Attendee> attendees,
		Author author,
		Field<Money> contractValue,
		Field<LocalDate> renewalDate,
		Field<LocalDate> cancellationDate,
		List<Impact> impact,
		List<Field<String>> concerns,
		List<Field<String>> rootCauses,
		List<Field<String>> resolutionOptions,
		List<Field<String>> decisions,
		List<Concession> concessions,
		List<ActionItem> actionItems,
		List<Meeting> followUpMeetings,
		List<Field<String>> customerCommitments,
		Suggestion suggestion,
		List<Signal> signals) {

	/** Characters {@code [start, end)} of the normalised document (line ends as {@code \n}) and their text. */
	public record Span(int start, int end, String text) {
	}

	/**
	 * A value with the words it came from. {@code alternatives} are the other values those words may mean ("6/3" in a
	 * document that gives no date order): the value is then only proposed and the reviewer must check it.
	 * {@code note} says how the value was derived when it is not written as such ("12 x GBP 90,000 per month").
	 */
	public record Field<T>(T value, Span span, List<T> alternatives, String note) {

		public Field {
			alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
		}

		public Field(T value, Span span) {
			this(value, span, List.of(), null);
		}

		public boolean ambiguous() {
			return !alternatives.isEmpty();
		}

	}

	/** Our people or the customer's. */
	public enum Side {
		INTERNAL, CUSTOMER
	}

	public record Attendee(String name, String role, Side side, Span span) {
	}

	/** Who wrote the document (its From: line, an "Author:" line, or the first chat speaker); {@code email} when stated. */
	public record Author(String name, String email, Span span) {
	}

	public enum ImpactKind {
		MONEY_LOST, REVENUE_AT_RISK, PEOPLE_AFFECTED, DOWNTIME
	}

	/** A business-impact figure: an amount in {@code unit} (a currency code, "users", "employees", "hours"...). */
	public record Impact(ImpactKind kind, BigDecimal amount, String unit, Span span) {
	}

	public enum ConcessionStatus {
		REQUESTED, PROPOSED, APPROVED
	}

	public record Concession(String text, Money amount, ConcessionStatus status, Span span) {
	}

	/**
	 * Owner as the document names them (a first name is completed from the attendees when unambiguous). A due date
	 * with {@code dueAlternatives} is ambiguous: proposed, for the reviewer to check.
	 */
	public record ActionItem(String owner, String task, LocalDate due, Side side, Span span,
			List<LocalDate> dueAlternatives) {

		public ActionItem {
			dueAlternatives = dueAlternatives == null ? List.of() : List.copyOf(dueAlternatives);
		}

		public ActionItem(String owner, String task, LocalDate due, Side side, Span span) {
			this(owner, task, due, side, span, List.of());
		}

	}

	public record Meeting(LocalDate date, LocalTime time, String purpose, Span span) {
	}

	/** The playbook's category and severity for what was read, with the rule that decided it. */
	public record Suggestion(RiskCategory category, Severity severity, String reason) {
	}

	/**
	 * A playbook signal the document states, with its figure when it carries one. {@code category},
	 * {@code severity} and {@code explanation} are what detection finds once it is recorded (the signal module's
	 * event rule, before the renewal modifiers). When the playbook would not count it (a 10% drop,
	 * a CSAT score) category and severity are null, {@code explanation} says why, and the review page
	 * offers no box to keep it.
	 */
	public record Signal(TextSignal signal, Integer value, Span span, RiskCategory category, Severity severity,
			String explanation) {

		public boolean counts() {
			return severity != null;
		}
	}

}
