package io.riskdesk.playbook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The detection rules of the playbook's leading indicators: what each rule measures, its
 * threshold and the severity it suggests before modifiers (docs/signals.md). A window of N days
 * ends on the day detection runs "as of" and includes it.
 */
public record DetectionPolicy(
		@NotNull @Valid Adoption adoption,
		@NotNull @Valid Support support,
		@NotNull @Valid Commercial commercial,
		@NotNull @Valid Sentiment sentiment,
		@NotNull @Valid Events events,
		@NotNull @Valid Renewal renewal) {

	public static final String USAGE_DROP = "usage-drop";

	public static final String ADOPTION_COLLAPSE = "adoption-collapse";

	public static final String PERSONA_UNDERUSE = "persona-underuse";

	public static final String FIRST_VALUE_SLIPPING = "first-value-slipping";

	public static final String SEV1_TICKETS = "sev1-tickets";

	public static final String SEV1_UNRESOLVED = "sev1-unresolved";

	public static final String REPEATED_WORKAROUNDS = "repeated-workarounds";

	public static final String INVOICE_OVERDUE = "invoice-overdue";

	public static final String NPS_DETRACTOR = "nps-detractor";

	/** The event that clears first-value-slipping. */
	public static final String FIRST_VALUE_REACHED = SignalEventType.FIRST_VALUE_REACHED.name();

	/** The account events telemetry may carry, by name, as the detection section names them. */
	public static final Set<String> EVENT_TYPES = Arrays.stream(SignalEventType.values())
		.map(Enum::name)
		.collect(Collectors.toUnmodifiableSet());

	/** One rule as people read it: the page lists these, and every finding carries its threshold. */
	public record Rule(String id, RiskCategory category, Severity severity, String threshold) {
	}

	/** The rule id of an event-driven rule: SPONSOR_LEFT is "sponsor-left". */
	public static String eventRuleId(String eventType) {
		return eventType.toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** Every rule in force with its threshold in words, metric rules first, then events by type. */
	public List<Rule> rules() {
		List<Rule> rules = new ArrayList<>();
		int floor = adoption.floorUsers;
		rules.add(new Rule(USAGE_DROP, RiskCategory.ADOPTION, adoption.usageDrop.severity,
				"WAU or MAU on the latest reported day down more than " + adoption.usageDrop.percent + "% vs "
						+ adoption.usageDrop.days + " days before (not when that earlier value is under " + floor + " users)"));
		rules.add(new Rule(ADOPTION_COLLAPSE, RiskCategory.ADOPTION, adoption.collapse.severity,
				"WAU on the latest reported day down more than " + adoption.collapse.percent + "% vs "
						+ adoption.collapse.days + " days before (not when that earlier value is under " + floor + " users)"));
		PersonaUnderuse underuse = adoption.personaUnderuse;
		rules.add(new Rule(PERSONA_UNDERUSE, RiskCategory.ADOPTION, underuse.severity,
				"a feature's weekly users by a persona below its target " + underuse.weeks + " complete weeks running ("
						+ (underuse.targets.isEmpty() ? "no targets set" : "targets: " + underuse.targets.stream()
							.map(t -> t.feature + " by " + t.persona + " " + t.weeklyUsers + " a week")
							.collect(Collectors.joining(", ")))
						+ ")"));
		rules.add(new Rule(FIRST_VALUE_SLIPPING, RiskCategory.ADOPTION, adoption.firstValueSlipping.severity,
				"the account's first-value due date has passed without a " + FIRST_VALUE_REACHED + " event"));
		rules.add(new Rule(SEV1_TICKETS, RiskCategory.SUPPORT, support.sev1Tickets.severity,
				support.sev1Tickets.count + " or more Sev-1 tickets opened within " + support.sev1Tickets.days + " days"));
		rules.add(new Rule(SEV1_UNRESOLVED, RiskCategory.SUPPORT, support.sev1Unresolved.severity,
				"a Sev-1 ticket unresolved " + support.sev1Unresolved.days + " days or more after it was opened"));
		rules.add(new Rule(REPEATED_WORKAROUNDS, RiskCategory.SUPPORT, support.workarounds.severity,
				support.workarounds.count + " or more tickets with a workaround opened within " + support.workarounds.days
						+ " days"));
		rules.add(new Rule(INVOICE_OVERDUE, RiskCategory.COMMERCIAL, commercial.invoiceOverdue.severity,
				"an invoice unpaid more than " + commercial.invoiceOverdue.days + " days after its due date"));
		rules.add(new Rule(NPS_DETRACTOR, RiskCategory.SENTIMENT, sentiment.nps.severity,
				"an answer of " + sentiment.nps.atOrBelow + " or less on the latest day the account answered NPS"));
		new TreeMap<>(events.rules).forEach((type, rule) -> rules.add(new Rule(eventRuleId(type), rule.category,
				rule.severity, "a " + type + " event within " + events.windowDays + " days"
						+ (rule.clearedBy.isEmpty() ? "" : ", unless a later " + String.join(" or ", rule.clearedBy)))));
		return List.copyOf(rules);
	}

	/** The rule with this id, if it is in force. */
	public Rule rule(String id) {
		return rules().stream().filter(rule -> rule.id.equals(id)).findFirst().orElseThrow();
	}

	/** {@code floorUsers}: neither drop rule fires when the earlier value is under it. */
	public record Adoption(
			@PositiveOrZero int floorUsers,
			@NotNull @Valid Drop usageDrop,
			@NotNull @Valid Drop collapse,
			@NotNull @Valid PersonaUnderuse personaUnderuse,
			@NotNull @Valid SeverityOnly firstValueSlipping) {
	}

	/** A drop of more than {@code percent} from the value {@code days} before the latest reported day. */
	public record Drop(@Min(0) @Max(100) int percent, @Positive int days, @NotNull Severity severity) {
	}

	/** Each target's weekly users below target {@code weeks} complete weeks running. */
	public record PersonaUnderuse(@Positive @Max(52) int weeks, @NotNull Severity severity,
			@NotNull List<@NotNull @Valid Target> targets) {
	}

	/** The weekly users a feature should have among one persona. */
	public record Target(@NotBlank String feature, @NotBlank String persona, @Positive int weeklyUsers) {
	}

	public record SeverityOnly(@NotNull Severity severity) {
	}

	public record Support(@NotNull @Valid Count sev1Tickets, @NotNull @Valid Age sev1Unresolved,
			@NotNull @Valid Count workarounds) {
	}

	/** {@code count} or more within {@code days}. */
	public record Count(@Positive int count, @Positive int days, @NotNull Severity severity) {
	}

	/** Open longer than {@code days} (the rule says whether "at least" or "more than"). */
	public record Age(@Positive int days, @NotNull Severity severity) {
	}

	public record Commercial(@NotNull @Valid Age invoiceOverdue) {
	}

	public record Sentiment(@NotNull @Valid Nps nps) {
	}

	/** An NPS answer at or below {@code atOrBelow} (0–10) is a detractor. */
	public record Nps(@Min(0) @Max(10) int atOrBelow, @NotNull Severity severity) {
	}

	/** Event-driven rules by event type; an event counts for {@code windowDays}. */
	public record Events(@Positive int windowDays, @NotNull Map<@NotBlank String, @NotNull @Valid EventRule> rules) {

	}

	/** What an event signals, and the later events that clear it. */
	public record EventRule(@NotNull RiskCategory category, @NotNull Severity severity, List<@NotNull String> clearedBy) {

		public EventRule {
			clearedBy = clearedBy == null ? List.of() : clearedBy;
		}

	}

	/**
	 * Renewal within {@code horizonDays} raises an S2/S3 finding one level; within
	 * {@code blockerDays} with an unresolved blocker (an S0/S1 finding or open risk) an S1/S2 one
	 * becomes S0.
	 */
	public record Renewal(@Positive int blockerDays, @Positive int horizonDays) {
	}

}
