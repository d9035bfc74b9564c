package io.riskdesk.intake.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import io.riskdesk.intake.ExtractionDraft.Field;
import io.riskdesk.intake.ExtractionDraft.Impact;
import io.riskdesk.intake.ExtractionDraft.ImpactKind;
import io.riskdesk.intake.ExtractionDraft.Signal;
import io.riskdesk.intake.ExtractionDraft.Suggestion;
import io.riskdesk.playbook.DetectionPolicy;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.signal.ReportedSignal;
import io.riskdesk.signal.ReportedSignals;
import io.riskdesk.playbook.SignalEventType;

/**
 * The playbook's severity table applied to what a note says. Thresholds the playbook names
 * (renewal windows) come from it; the signals the text states (a sponsor who left, a usage drop,
 * a security incident, an NPS…) are weighed by the signal module's own event rules
 * ({@link ReportedSignals}), so the draft suggests what detection will find. The most severe rule
 * that fires wins, the first listed on a tie.
 */
final class SeverityRules {

	/** The playbook's S0 example "outage impacting all users" has no figure; a day-long outage counts as such. */
	private static final BigDecimal MAJOR_OUTAGE_HOURS = BigDecimal.valueOf(24);

	private static final Pattern CANCELLATION = Pattern.compile(
			"(?i)cancell?ation notice|intent to cancel|notice to cancel|termination notice|intent to terminate|will not renew|decided not to renew");

	/** "no outage" says there was none; "users are down 35%" is a number going down, not a service. */
	private static final Pattern OUTAGE = Pattern.compile(
			"(?i)(?<!\\bno )(?<!\\bnot an )(?<!\\bwithout an )\\boutage\\b|\\bdowntime\\b|service disruption|\\b(?:is|are|was|were|went) down\\b(?!\\s*(?:by\\s*)?\\d)");

	/** The playbook's OUTAGE_ALL_USERS and S0 example "Outage impacting all users". */
	private static final Pattern ALL_USERS = Pattern
		.compile("(?i)\\ball (?:\\d[\\d,]* )?(?:users|operators|staff|employees|agents)\\b|\\bevery user\\b|\\bentire (?:\\w+ )?(?:floor|company|organi[sz]ation|user base|workforce)\\b");

	/** The playbook's OUTAGE_PARTIAL. */
	private static final Pattern PARTIAL = Pattern
		.compile("(?i)partial outage|partially (?:down|unavailable)|\\boutage\\b[^.\\n]{0,40}\\b(?:one|a single) region");

	/** Whole words only: "strategic-level" names no executive. */
	private static final Pattern EXEC_ATTENTION = Pattern
		.compile("\\b(?:CEO|CTO|CIO|COO|CFO)\\b|(?i)\\bexecutive call\\b|\\bc-level\\b");

	private static final Pattern PRODUCTION = Pattern.compile("(?i)\\bproduction\\b");


	private static final Pattern RENEWAL_THREAT = Pattern.compile(
			"(?i)threaten\\w* (?:the )?(?:contract )?renewal|renewal (?:is )?at risk|vendor evaluation|contract review|explore competitive|competitive solutions|evaluating (?:other vendors|competitors)|before (?:they|the customer) (?:sign|renew)");

	private static final Pattern PERFORMANCE = Pattern.compile("(?i)performance|degradation|latency|slow|hotfix|bug|reliability");


	/** The playbook's S2 example "Integration delay". */
	private static final Pattern INTEGRATION_DELAY = Pattern.compile(
			"(?i)\\bintegration\\b[^.\\n]{0,60}?\\b(?:behind|delayed|stalled|blocked|still fails|fails|failing)\\b");

	/** A defect the customer works around: meaningful impact, manageable with a plan (the S2 definition). */
	private static final Pattern WORKAROUND = Pattern.compile("(?i)\\bworkarounds?\\b|\\bfall(?:s|ing)? back (?:on|to)\\b");

	private static final Pattern MISSED_SLA = Pattern.compile("(?i)\\bmissed\\b[^.\\n]{0,30}?\\bSLAs?\\b|\\bSLA breach|\\bbreached (?:the |our )?SLA");



	private final DetectionPolicy detection;

	SeverityRules(Playbook playbook) {
		this.detection = playbook.detection();
	}

	/** The signals the text states, each as detection would weigh it once recorded on {@code day} (null: undated). */
	List<Signal> signals(String text, LocalDate day) {
		return new SignalReader(text).signals().stream().map(found -> {
			ReportedSignal reported = new ReportedSignal(found.signal(), found.value(), found.span().text());
			return ReportedSignals.assess(detection, reported, day)
				.map(finding -> new Signal(found.signal(), found.value(), found.span(), finding.category(), finding.severity(),
						finding.explanation()))
				.orElseGet(() -> new Signal(found.signal(), found.value(), found.span(), null, null,
						ReportedSignals.refusal(detection, found.signal(), found.value()).orElseThrow().reason()));
		}).toList();
	}

	Suggestion suggest(String text, List<Impact> impact, Field<LocalDate> cancellation, Field<LocalDate> renewal,
			LocalDate reference, List<Signal> signals) {
		List<Suggestion> fired = new ArrayList<>();
		if (CANCELLATION.matcher(text).find() || cancellation != null) {
			fired.add(new Suggestion(RiskCategory.COMMERCIAL, Severity.S0,
					"formal cancellation notice, revenue at immediate risk -> S0"));
		}
		if (OUTAGE.matcher(text).find()) {
			fired.add(outage(text, impact));
		}
		if (renewal != null && reference != null) {
			long days = ChronoUnit.DAYS.between(reference, renewal.value());
			if (days >= 0 && days <= detection.renewal().blockerDays()) {
				fired.add(new Suggestion(RiskCategory.COMMERCIAL, Severity.S0, "renewal in " + days
						+ " days, within the playbook's D-" + detection.renewal().blockerDays() + " with a blocker -> S0"));
			}
			else if (days >= 0 && days <= detection.renewal().horizonDays()) {
				fired.add(new Suggestion(RiskCategory.COMMERCIAL, Severity.S1,
						"renewal at risk within " + detection.renewal().horizonDays() + " days -> S1"));
			}
		}
		if (RENEWAL_THREAT.matcher(text).find()) {
			boolean product = PERFORMANCE.matcher(text).find();
			fired.add(new Suggestion(product ? RiskCategory.SUPPORT : RiskCategory.COMMERCIAL, Severity.S1,
					product ? "performance degradation threatening renewal -> S1" : "renewal or contract under threat -> S1"));
		}
		// Signals the text states weigh as detection weighs them once recorded: its rule, its explanation.
		signals.stream()
			.filter(Signal::counts)
			.forEach(signal -> fired.add(new Suggestion(signal.category(), signal.severity(),
					signal.explanation() + " -> " + signal.severity())));
		if (INTEGRATION_DELAY.matcher(text).find()) {
			fired.add(new Suggestion(RiskCategory.ADOPTION, Severity.S2, "integration delay (the playbook's S2 example) -> S2"));
		}
		if (WORKAROUND.matcher(text).find()) {
			fired.add(new Suggestion(RiskCategory.SUPPORT, Severity.S2,
					"a problem the customer works around: meaningful impact, manageable with a plan -> S2"));
		}
		if (MISSED_SLA.matcher(text).find()) {
			fired.add(new Suggestion(RiskCategory.SUPPORT, Severity.S2,
					"missed support SLAs: meaningful impact, manageable with a plan -> S2"));
		}
		return fired.stream()
			.min(Comparator.comparing(Suggestion::severity))
			.orElse(new Suggestion(RiskCategory.SENTIMENT, Severity.S3, "no playbook rule matched: early signal -> S3"));
	}

	private Suggestion outage(String text, List<Impact> impact) {
		BigDecimal hours = impact.stream()
			.filter(figure -> figure.kind() == ImpactKind.DOWNTIME)
			.map(figure -> switch (figure.unit()) {
				case "days" -> figure.amount().multiply(BigDecimal.valueOf(24));
				case "minutes" -> figure.amount().divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
				default -> figure.amount();
			})
			.max(Comparator.naturalOrder())
			.orElse(BigDecimal.ZERO);
		// The reason says only what the text states: "production" and exec attention when it names them.
		String outage = (hours.signum() > 0 ? hours.stripTrailingZeros().toPlainString() + "-hour " : "")
				+ (PRODUCTION.matcher(text).find() ? "production " : "") + "outage";
		if (EXEC_ATTENTION.matcher(text).find()) {
			return new Suggestion(RiskCategory.INCIDENT, Severity.S0, outage + " with exec attention -> S0");
		}
		DetectionPolicy.EventRule partial = detection.events().rules().get(SignalEventType.OUTAGE_PARTIAL.name());
		if (partial != null && PARTIAL.matcher(text).find()) {
			return new Suggestion(partial.category(), partial.severity(),
					"partial outage, the playbook's OUTAGE_PARTIAL event -> " + partial.severity());
		}
		if (ALL_USERS.matcher(text).find()) {
			return new Suggestion(RiskCategory.INCIDENT, Severity.S0, outage + " impacting all users -> S0");
		}
		if (hours.compareTo(MAJOR_OUTAGE_HOURS) >= 0) {
			return new Suggestion(RiskCategory.INCIDENT, Severity.S0, outage + ", a day or more -> S0");
		}
		return new Suggestion(RiskCategory.INCIDENT, Severity.S1, outage + ", no executive named -> S1");
	}


}
