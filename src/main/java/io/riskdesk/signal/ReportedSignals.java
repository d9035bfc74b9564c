package io.riskdesk.signal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.riskdesk.playbook.DetectionPolicy;
import io.riskdesk.playbook.SignalEventType;

/**
 * What detection makes of a signal a document reports, before anything is stored: the same
 * event rule, severity and explanation a pass finds once the signal is recorded as an event
 * ({@link ReportedEvents}). A figure must pass the playbook's threshold of the rule it stands for
 * (a usage drop over {@code usage-drop.percent}, {@code sev1-tickets.count} or more tickets, an
 * NPS at or below {@code nps.at-or-below}): a document saying usage fell 10% reports no signal.
 * Plain Java, so the notes extractor can use it without Spring.
 */
public final class ReportedSignals {

	/** Why a reported signal would not count, naming {@code field}: "signal" or "value". */
	public record Refusal(String field, String reason) {
	}

	private ReportedSignals() {
	}

	/** Empty when detection would count the signal; else the field at fault and why. */
	public static Optional<Refusal> refusal(DetectionPolicy policy, TextSignal signal, Integer value) {
		if (signal.event() == null) {
			return Optional.of(new Refusal("signal", "has no playbook rule: it is shown for the reviewer, not recorded"));
		}
		if (!signal.valued() && value != null) {
			return Optional.of(new Refusal("value", "must be empty: " + signal + " carries no figure"));
		}
		if (signal.valued() && value == null) {
			return Optional.of(new Refusal("value", "is required for " + signal));
		}
		if (signal.valued() && (value < signal.min() || value > signal.max())) {
			return Optional.of(new Refusal("value", "must be from " + signal.min() + " to " + signal.max() + " for " + signal));
		}
		Optional<Refusal> below = signal.valued() ? belowThreshold(policy, signal, value).map(r -> new Refusal("value", r))
				: Optional.empty();
		if (below.isPresent()) {
			return below;
		}
		String type = event(policy, signal, value).name();
		return policy.events().rules().containsKey(type) ? Optional.empty()
				: Optional.of(new Refusal("signal", "has no rule in the playbook's detection.events.rules (" + type + ")"));
	}

	/**
	 * The event type the signal is recorded as: its own, but a usage drop over the playbook's
	 * {@code collapse.percent} is an adoption collapse, as detection names a collapse of WAU.
	 */
	public static SignalEventType event(DetectionPolicy policy, TextSignal signal, Integer value) {
		return signal == TextSignal.USAGE_DROP && value != null && value > policy.adoption().collapse().percent()
				? SignalEventType.ADOPTION_COLLAPSE_REPORTED : signal.event();
	}

	private static Optional<String> belowThreshold(DetectionPolicy policy, TextSignal signal, int value) {
		return switch (signal) {
			case USAGE_DROP -> value > policy.adoption().usageDrop().percent() ? Optional.empty()
					: Optional.of("a drop of " + value + "% is not over the playbook's " + policy.adoption().usageDrop().percent() + "%");
			case SEV1_TICKETS -> value >= policy.support().sev1Tickets().count() ? Optional.empty()
					: Optional.of(value + " Sev-1 tickets are fewer than the playbook's " + policy.support().sev1Tickets().count());
			case NPS -> value <= policy.sentiment().nps().atOrBelow() ? Optional.empty()
					: Optional.of("an NPS of " + value + " is above the playbook's " + policy.sentiment().nps().atOrBelow());
			default -> Optional.empty();
		};
	}

	/**
	 * The finding a pass would make of the signal recorded on {@code day} (null when the document
	 * states no date), before the renewal modifiers, for no account yet ({@code accountId} 0);
	 * empty when the signal does not count.
	 */
	public static Optional<Finding> assess(DetectionPolicy policy, ReportedSignal reported, LocalDate day) {
		if (refusal(policy, reported.signal(), reported.value()).isPresent()) {
			return Optional.empty();
		}
		String type = event(policy, reported.signal(), reported.value()).name();
		Map<String, Object> measured = new LinkedHashMap<>();
		measured.put("event", type);
		if (reported.value() != null) {
			measured.put("value", reported.value());
		}
		measured.put("note", reported.note());
		return Optional.of(Finding.of(0, policy.rule(DetectionPolicy.eventRuleId(type)), day, measured,
				RuleEvents.explanation(policy.events(), type, day, reported.note(), null), List.of()));
	}

}
