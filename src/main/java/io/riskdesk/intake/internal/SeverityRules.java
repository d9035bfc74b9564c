package io.riskdesk.intake.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

	private static final Pattern OUTAGE = Pattern.compile("(?i)\\boutage\\b|\\bdowntime\\b|service disruption|\\bwas down\\b");

	/** Whole words only: "strategic-level" names no executive. */
	private static final Pattern EXEC_ATTENTION = Pattern
		.compile("\\b(?:CEO|CTO|CIO|COO|CFO)\\b|(?i)\\bexecutive call\\b|\\bc-level\\b");

	private static final Pattern PRODUCTION = Pattern.compile("(?i)\\bproduction\\b");

	private static final Pattern SECURITY = Pattern.compile("(?i)security incident|data breach|breach of|ransomware");

	private static final Pattern RENEWAL_THREAT = Pattern.compile(
			"(?i)threaten\\w* (?:the )?(?:contract )?renewal|renewal (?:is )?at risk|vendor evaluation|contract review|explore competitive|competitive solutions|evaluating (?:other vendors|competitors)");

	private static final Pattern PERFORMANCE = Pattern.compile("(?i)performance|degradation|latency|slow|hotfix|bug|reliability");

	private static final Pattern SPONSOR_LEFT = Pattern.compile("(?i)(sponsor|champion)\\b[^.\\n]{0,40}\\b(left|leaving|departed|resigned|departure)");

	private static final Pattern ADOPTION_DROP = Pattern.compile(
			"(?i)(?:usage|adoption|WAU|MAU|active users|logins)[^.\\n]{0,40}?\\b(\\d{1,3})\\s?% (?:drop|decline|decrease)|\\b(\\d{1,3})\\s?% (?:drop|decline|decrease) in (?:usage|adoption|WAU|MAU|active users|logins)");

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
		if (hours.compareTo(MAJOR_OUTAGE_HOURS) >= 0) {
			return new Suggestion(RiskCategory.INCIDENT, Severity.S0, outage + ", a day or more -> S0");
		}
		return new Suggestion(RiskCategory.INCIDENT, Severity.S1, outage + ", no executive named -> S1");
	}

	private Optional<Suggestion> adoption(String text) {
		Matcher m = ADOPTION_DROP.matcher(text);
		if (!m.find()) {
			return Optional.empty();
		}
		int drop = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
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
