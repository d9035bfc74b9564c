package io.riskdesk.intake.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.riskdesk.intake.ExtractionDraft.Field;
import io.riskdesk.intake.ExtractionDraft.Impact;
import io.riskdesk.intake.ExtractionDraft.ImpactKind;
import io.riskdesk.intake.ExtractionDraft.Suggestion;
import io.riskdesk.playbook.DetectionPolicy;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.playbook.SignalEventType;

/**
 * The playbook's severity table applied to what a note says. Thresholds the playbook names
 * (renewal windows, adoption drops, NPS) come from it; the most severe rule that fires wins,
 * the first listed on a tie.
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

	private static final Pattern SECURITY = Pattern.compile("(?i)security incident|data breach|breach of|ransomware");

	private static final Pattern RENEWAL_THREAT = Pattern.compile(
			"(?i)threaten\\w* (?:the )?(?:contract )?renewal|renewal (?:is )?at risk|vendor evaluation|contract review|explore competitive|competitive solutions|evaluating (?:other vendors|competitors)|before (?:they|the customer) (?:sign|renew)");

	private static final Pattern PERFORMANCE = Pattern.compile("(?i)performance|degradation|latency|slow|hotfix|bug|reliability");

	private static final Pattern SPONSOR_LEFT = Pattern.compile("(?i)(sponsor|champion)\\b[^.\\n]{0,40}\\b(left|leaving|departed|resigned|departure)");

	private static final Pattern ADOPTION_DROP = Pattern.compile(
			"(?i)(?:usage|adoption|WAU|MAU|active users|logins)[^.\\n]{0,40}?\\b(\\d{1,3})\\s?% (?:drop|decline|decrease)"
					+ "|(?:usage|adoption|WAU|MAU|active users|logins)[^.\\n%]{0,20}?\\b(?:dropped|fell|declined|decreased|(?:is|are) down)(?: by)?\\s+(\\d{1,3})\\s?%"
					+ "|\\b(\\d{1,3})\\s?% (?:drop|decline|decrease) in (?:usage|adoption|WAU|MAU|active users|logins)");

	private static final String COUNT = "(\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)";

	private static final List<String> COUNT_WORDS = List.of("two", "three", "four", "five", "six", "seven", "eight", "nine",
			"ten");

	private static final Pattern SEV1_TICKETS = Pattern
		.compile("(?i)\\b" + COUNT + " (?:open |unresolved |new |more )?Sev[- ]?1 (?:tickets|issues|cases|incidents)\\b");

	private static final Pattern INVOICE_OVERDUE = Pattern
		.compile("(?i)(?:invoice|payment|unpaid|not paid)[^.\\n]{0,80}?\\b(\\d{1,3}) days (?:overdue|past due|late)");

	/** The playbook's S2 example "Integration delay". */
	private static final Pattern INTEGRATION_DELAY = Pattern.compile(
			"(?i)\\bintegration\\b[^.\\n]{0,60}?\\b(?:behind|delayed|stalled|blocked|still fails|fails|failing)\\b");

	/** A defect the customer works around: meaningful impact, manageable with a plan (the S2 definition). */
	private static final Pattern WORKAROUND = Pattern.compile("(?i)\\bworkarounds?\\b|\\bfall(?:s|ing)? back (?:on|to)\\b");

	private static final Pattern MISSED_SLA = Pattern.compile("(?i)\\bmissed\\b[^.\\n]{0,30}?\\bSLAs?\\b|\\bSLA breach|\\bbreached (?:the |our )?SLA");

	/** Account events the playbook names, as a note writes them; their category and severity come from the playbook. */
	private static final Map<SignalEventType, Pattern> EVENTS = new EnumMap<>(Map.of(
			SignalEventType.REORG, Pattern.compile("(?i)\\breorgani[sz]ation\\b|\\breorg\\b|\\brestructuring\\b"),
			SignalEventType.BUDGET_FREEZE, Pattern
				.compile("(?i)budget freeze|budgets? (?:is |are |has been |have been )?frozen|freez\\w* (?:on )?(?:all )?(?:new )?spend"),
			SignalEventType.PROCUREMENT_DELAY, Pattern.compile(
					"(?i)\\bprocurement\\b[^.\\n]{0,60}?\\b(?:paused|delay\\w*|on hold|stalled|blocked|blocker)\\b|\\b(?:PO|purchase order)\\b[^.\\n]{0,30}?\\b(?:delayed|on hold|stuck)\\b"),
			SignalEventType.MISSING_CAPABILITY, Pattern.compile(
					"(?i)\\bwe do(?:es)? not support\\b|\\bwe don'?t support\\b|missing capability|capability gap|feature gap|feature request"),
			SignalEventType.ROADMAP_DEPENDENCY, Pattern
				.compile("(?i)\\bbuilt\\b[^.\\n]{0,60}?\\baround it\\b|\\bdepend\\w* on\\b[^.\\n]{0,40}?\\broadmap\\b")));

	private static final Pattern NPS = Pattern.compile("(?i)\\bNPS(?: score)?(?: of| is|:)?\\s*(\\d{1,2})\\b");

	private final DetectionPolicy detection;

	SeverityRules(Playbook playbook) {
		this.detection = playbook.detection();
	}

	Suggestion suggest(String text, List<Impact> impact, Field<LocalDate> cancellation, Field<LocalDate> renewal,
			LocalDate reference) {
		List<Suggestion> fired = new ArrayList<>();
		if (CANCELLATION.matcher(text).find() || cancellation != null) {
			fired.add(new Suggestion(RiskCategory.COMMERCIAL, Severity.S0,
					"formal cancellation notice, revenue at immediate risk -> S0"));
		}
		if (SECURITY.matcher(text).find()) {
			fired.add(new Suggestion(RiskCategory.INCIDENT, Severity.S0, "security incident -> S0"));
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
		if (SPONSOR_LEFT.matcher(text).find()) {
			fired.add(new Suggestion(RiskCategory.PEOPLE, Severity.S1, "sponsor departure -> S1"));
		}
		adoption(text).ifPresent(fired::add);
		sev1Tickets(text).ifPresent(fired::add);
		invoiceOverdue(text).ifPresent(fired::add);
		EVENTS.forEach((type, pattern) -> {
			DetectionPolicy.EventRule rule = detection.events().rules().get(type.name());
			Matcher m = pattern.matcher(text);
			if (rule != null && m.find()) {
				fired.add(new Suggestion(rule.category(), rule.severity(),
						"\"" + m.group() + "\": the playbook's " + type + " event -> " + rule.severity()));
			}
		});
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
		Matcher nps = NPS.matcher(text);
		if (nps.find() && Integer.parseInt(nps.group(1)) <= detection.sentiment().nps().atOrBelow()) {
			fired.add(new Suggestion(RiskCategory.SENTIMENT, Severity.S2,
					"NPS " + nps.group(1) + " at or below " + detection.sentiment().nps().atOrBelow() + " (detractor) -> S2"));
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

	/** "3 Sev-1 tickets open", "Two Sev-1 tickets opened this month": the playbook's count of Sev-1 tickets. */
	private Optional<Suggestion> sev1Tickets(String text) {
		Matcher m = SEV1_TICKETS.matcher(text);
		if (!m.find()) {
			return Optional.empty();
		}
		String written = m.group(1).toLowerCase(Locale.ROOT);
		int count = written.chars().allMatch(Character::isDigit) ? Integer.parseInt(written) : COUNT_WORDS.indexOf(written) + 2;
		DetectionPolicy.Count rule = detection.support().sev1Tickets();
		return count >= rule.count() ? Optional.of(new Suggestion(RiskCategory.SUPPORT, rule.severity(),
				m.group() + ": " + rule.count() + " or more Sev-1 tickets -> " + rule.severity())) : Optional.empty();
	}

	private Optional<Suggestion> invoiceOverdue(String text) {
		Matcher m = INVOICE_OVERDUE.matcher(text);
		DetectionPolicy.Age rule = detection.commercial().invoiceOverdue();
		if (!m.find() || Integer.parseInt(m.group(1)) <= rule.days()) {
			return Optional.empty();
		}
		return Optional.of(new Suggestion(RiskCategory.COMMERCIAL, rule.severity(), "invoice " + m.group(1)
				+ " days overdue, more than the playbook's " + rule.days() + " -> " + rule.severity()));
	}

	private Optional<Suggestion> adoption(String text) {
		Matcher m = ADOPTION_DROP.matcher(text);
		if (!m.find()) {
			return Optional.empty();
		}
		int drop = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
		if (drop > detection.adoption().collapse().percent()) {
			return Optional.of(new Suggestion(RiskCategory.ADOPTION, Severity.S1,
					"adoption collapse (" + drop + "% drop, over " + detection.adoption().collapse().percent() + "%) -> S1"));
		}
		if (drop > detection.adoption().usageDrop().percent()) {
			return Optional.of(new Suggestion(RiskCategory.ADOPTION, Severity.S2,
					"usage drop of " + drop + "% (over " + detection.adoption().usageDrop().percent() + "%) -> S2"));
		}
		return Optional.empty();
	}

}
