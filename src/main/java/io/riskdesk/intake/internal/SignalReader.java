package io.riskdesk.intake.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.riskdesk.intake.ExtractionDraft.Span;
import io.riskdesk.signal.TextSignal;

/**
 * Finds the playbook's signals in prose: each with the words that state it and its figure when it
 * carries one. A signal is not read where its own clause denies or hedges it ("no security
 * incident", "if the sponsor leaves", "the sponsor is not leaving"); a past one that was resolved
 * still counts ("the outage of all users on Monday is fixed"): it happened, and detection's event
 * window decides how long it matters. One signal per kind: the first, or for a figure the most
 * severe one.
 */
final class SignalReader {

	/** A signal found: {@code value} is its figure (a percentage, a count, a score), null when it carries none. */
	record Found(TextSignal signal, Integer value, Span span) {
	}

	private static final String NUMBER = "(\\d{1,5}|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)";

	/** Any character of one paragraph: a line wrapped in the middle of a sentence still holds it. */
	private static final String WRAPPED = "(?:[^.\\n]|\\n(?!\\n))";

	private static final String SEV1 = "(?:sev(?:erity)?[- ]?1|p1|priority[- ]1)";

	/** Words that deny or hedge what follows them in the same clause. */
	private static final Pattern DENIAL = Pattern.compile("(?i)\\b(?:no|not|never|none|nobody|nothing|without|nor|neither|zero|isn't|wasn't"
			+ "|aren't|weren't|hasn't|haven't|hadn't|didn't|doesn't|don't|won't|cannot|if|whether|unless|could|might|would"
			+ "|should|in case|ruled out|rule out|unlikely|avoid(?:ed)?|prevent(?:ed)?|hypothetical)\\b|n't\\b");

	/** Words right after a signal, in its clause, that take it back: "the reorg was ruled out". */
	private static final Pattern TAKEN_BACK = Pattern.compile("(?i)^[^.!?;\\n]{0,30}?\\b(?:ruled out|called off|cancell?ed|"
			+ "did not happen|didn't happen|(?:is|was|are|were) not (?:happening|planned|expected|confirmed)|rumou?r)");

	private static final Pattern NO_LONGER = Pattern.compile("(?i)no longer");

	/** Where a clause starts: a sentence end, a line, a comma or semicolon, a "but". */
	private static final Pattern CLAUSE_START = Pattern.compile("[.!?;,\\n(]|\\bbut\\b|\\bhowever\\b");

	private record Rule(TextSignal signal, Pattern pattern, boolean denialInside) {
	}

	private static final List<Rule> RULES = List.of(
			rule(TextSignal.SPONSOR_LEFT, "\\b(?:sponsor|champion)\\b[^.\\n]{0,60}?\\b(?:left|leaving|has left|departed|resigned"
					+ "|departure|moved on|quit|no longer (?:with|at))\\b|\\b(?:departure|loss|exit|resignation) of (?:our|their|the|its)"
					+ " (?:executive )?(?:sponsor|champion)\\b"),
			rule(TextSignal.POC_LEFT, "\\b(?:POC|point of contact|main contact|primary contact|day-to-day contact)\\b[^.\\n]{0,60}?"
					+ "\\b(?:left|leaving|has left|departed|resigned|moved on|quit|no longer (?:with|at))\\b"),
			rule(TextSignal.REORG, "\\bre-?org(?:ani[sz](?:ation|ed|ing))?\\b|\\b(?:company|org|organi[sz]ational|internal|corporate)"
					+ "(?:-wide)? restructur(?:ing|e)\\b|\\blayoffs\\b"),
			rule(TextSignal.USAGE_DROP, "\\b(?:usage|adoption|WAU|MAU|DAU|active users|logins|log-ins)\\b[^.\\n%]{0,40}?"
					+ "\\b(?:dropped|fell|fallen|declined|decreased|down|drop|decline|decrease|slumped|shrunk)\\b[^.\\n%\\d]{0,12}"
					+ "(\\d{1,3})\\s?%|\\b(\\d{1,3})\\s?% (?:drop|decline|decrease|fall|reduction|lower)\\b[^.\\n]{0,10}?\\b(?:in )?"
					+ "(?:usage|adoption|WAU|MAU|DAU|active users|logins)\\b"),
			rule(TextSignal.SEV1_UNRESOLVED, false, NUMBER + " (?:of (?:them|these|those) )?(?:(?:are|is|remain|remains|still) )*"
					+ "(?:unresolved|open|outstanding)\\b[^.\\n]{0,30}?" + SEV1 + "|" + SEV1 + "[^.\\n]{0,60}?\\b" + NUMBER
					+ " (?:of (?:them|these|those) )?(?:(?:are|is|remain|remains|still) )*(?:unresolved|open|outstanding)\\b"),
			rule(TextSignal.SEV1_TICKETS, NUMBER + " (?:new |open |more |unresolved |separate )?" + SEV1
					+ "s?(?: support)? (?:tickets|incidents|cases|issues|bugs|escalations)\\b"),
			rule(TextSignal.OUTAGE_ALL_USERS, false, "\\b(?:complete|full|total|platform-wide|system-wide|company-wide|global)"
					+ "(?: platform| service| system)? (?:outage|downtime)\\b|\\b(?:outage|down|unavailable|offline|locked out|unable to (?:log in|access)"
					+ "|could not (?:log in|access))\\b[^.\\n]{0,60}?\\b(?:all|every|100% of(?: the| their| our)?) (?:of (?:the|their|our) )?"
					+ "(?:users|customers|employees|staff|seats|agents)\\b|\\b(?:all|every) (?:of (?:the|their|our) )?(?:users|employees"
					+ "|staff|seats|agents)\\b[^.\\n]{0,40}?\\b(?:outage|down|unavailable|offline|locked out|could not|couldn't"
					+ "|unable|cannot)\\b"),
			rule(TextSignal.SECURITY_INCIDENT, "\\bsecurity (?:incident|breach)\\b|\\bdata (?:breach|leak)\\b|\\bbreach of"
					+ " (?:customer |personal )?data\\b|\\bransomware\\b|\\bunauthori[sz]ed access\\b|\\bcompromised"
					+ " (?:accounts?|credentials)\\b"),
			rule(TextSignal.INVOICE_OVERDUE, false, "\\b(?:invoices?|payments?|bills?)\\b[^.\\n]{0,40}?\\b(?:overdue|unpaid|past due"
					+ "|outstanding|not (?:been )?paid|in arrears)\\b|\\b(?:overdue|unpaid|past-due|past due) (?:invoices?|payments?"
					+ "|bills?)\\b|\\bhas(?:n't| not) paid\\b"),
			rule(TextSignal.BUDGET_FREEZE, "\\bbudgets? (?:freeze|frozen|cuts?|is frozen|are frozen|has been frozen|have been frozen)\\b"
					+ "|\\b(?:froze|freezing|frozen) (?:the |their |its |all |new )?(?:budgets?|spend(?:ing)?)\\b|\\bspend(?:ing)? freeze\\b"),
			rule(TextSignal.PROCUREMENT_DELAY, "\\bprocurement\\b[^.\\n]{0,50}?\\b(?:delay(?:ed|s)?|stalled|held up|on hold|paused|pushed"
					+ "(?: back| out)?|backlog(?:ged)?|stuck|slow)\\b|\\b(?:delay(?:ed|s)?|stalled|held up) (?:in|by) procurement\\b"
					+ "|\\b(?:PO|purchase order)\\b[^.\\n]{0,30}?\\b(?:delayed|stuck|on hold|held up)\\b"),
			rule(TextSignal.MISSING_CAPABILITY, false, "\\bmissing (?:capabilit(?:y|ies)|features?|functionality)\\b"
					+ "|\\b(?:feature|capability|functionality) gaps?\\b|\\b(?:product|platform|solution|system|tool) (?:lacks|does"
					+ " not support|doesn't support|does not offer|doesn't offer|cannot do|can't do)\\b|\\bwe (?:do not|don't|cannot|can't) (?:yet )?(?:support|offer|provide)\\b"),
			rule(TextSignal.NPS, "\\bNPS\\b(?: (?:score|response|rating|answer))?(?: (?:of|is|was|at|fell to|dropped to|came in at"
					+ "|now))*[: ]\\s*(\\d{1,3})(?!\\s*%)(?:\\s*/\\s*10)?\\b"),
			rule(TextSignal.SATISFACTION, "\\b(?:CSAT|satisfaction(?: score| rating)?)\\b(?: (?:of|is|was|at|fell to|dropped to"
					+ "|came in at|now))*[: ]\\s*(\\d{1,3}(?:\\s*%|\\s*/\\s*\\d{1,3}| out of \\d{1,3}))"),
			rule(TextSignal.NEGATIVE_EXEC_FEEDBACK, "\\b(?:CEO|CTO|CIO|COO|CFO|CISO|SVP|EVP|VP|executives?|execs?|board)\\b"
					+ WRAPPED + "{0,120}?\\b(?:frustrat|furious|angry|unhappy|dissatisf|disappoint|complain|lost (?:confidence|faith|trust)"
					+ "|upset|outraged|questioning the value)\\w*|\\b(?:frustration|anger|complaints?|dissatisfaction|displeasure)"
					+ " (?:from|of) (?:their|the|our|its) (?:CEO|CTO|CIO|COO|CFO|CISO|SVP|EVP|VP|executives?|execs?|board)\\b"));

	private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
			Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
			Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
			Map.entry("twelve", 12));

	private final String text;

	SignalReader(String text) {
		this.text = text;
	}

	List<Found> signals() {
		Map<TextSignal, Found> found = new LinkedHashMap<>();
		for (Rule rule : RULES) {
			Matcher m = rule.pattern().matcher(text);
			while (m.find()) {
				if (denied(m, rule.denialInside())) {
					continue;
				}
				Integer value = rule.signal().valued() ? value(rule.signal(), m) : null;
				if (rule.signal().valued() && value == null) {
					continue;
				}
				Found next = new Found(rule.signal(), value, new Span(m.start(), m.end(), m.group()));
				found.merge(rule.signal(), next, SignalReader::moreSevere);
			}
		}
		return found.values().stream().sorted(Comparator.comparingInt(f -> f.span().start())).toList();
	}

	private static Rule rule(TextSignal signal, String regex) {
		return rule(signal, true, regex);
	}

	/** @param denialInside false where the signal's own words may hold a "not" ("could not log in", "not been paid") */
	private static Rule rule(TextSignal signal, boolean denialInside, String regex) {
		return new Rule(signal, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), denialInside);
	}

	/** A denial or hedge between the clause's start and the signal (or, for most signals, among its own words). */
	private boolean denied(Matcher m, boolean denialInside) {
		int from = Math.max(0, m.start() - 80);
		Matcher clause = CLAUSE_START.matcher(text).region(from, m.start());
		while (clause.find()) {
			from = clause.end();
		}
		// "no longer with us" says someone left; it denies nothing.
		return DENIAL.matcher(text.substring(from, m.start())).find()
				|| TAKEN_BACK.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 40))).find()
				|| denialInside && DENIAL.matcher(NO_LONGER.matcher(lastWords(m.group())).replaceAll("")).find();
	}

	/** The end of a signal's words, where a denial of it sits ("the CFO was not unhappy"), not a quote earlier on. */
	private static String lastWords(String words) {
		return words.substring(Math.max(0, words.length() - 25));
	}

	private static Integer value(TextSignal signal, Matcher m) {
		String figure = null;
		for (int group = 1; group <= m.groupCount() && figure == null; group++) {
			figure = m.group(group);
		}
		if (figure == null) {
			return null;
		}
		if (signal == TextSignal.SATISFACTION) {
			return satisfactionPercent(figure);
		}
		String word = figure.strip().toLowerCase(Locale.ROOT);
		Integer value = WORDS.containsKey(word) ? WORDS.get(word) : Integer.valueOf(word);
		if (signal == TextSignal.NPS && value > 10 || signal == TextSignal.USAGE_DROP && (value < 1 || value > 100)
				|| value < 1 && signal != TextSignal.NPS) {
			return null;
		}
		return value;
	}

	/** "60%", "3/5", "3 out of 5" as a percentage of the scale; a bare number has no scale and is no score. */
	private static Integer satisfactionPercent(String figure) {
		Matcher scaled = Pattern.compile("(\\d{1,3})\\s*(?:/|out of)\\s*(\\d{1,3})|(\\d{1,3})\\s*%").matcher(figure);
		if (!scaled.find()) {
			return null;
		}
		if (scaled.group(3) != null) {
			int percent = Integer.parseInt(scaled.group(3));
			return percent <= 100 ? percent : null;
		}
		int score = Integer.parseInt(scaled.group(1));
		int scale = Integer.parseInt(scaled.group(2));
		return scale == 0 || score > scale ? null : Math.round(score * 100f / scale);
	}

	/** Of two mentions of one signal, the one detection would weigh more: the larger drop or count, the lower score. */
	private static Found moreSevere(Found first, Found other) {
		if (first.value() == null) {
			return first;
		}
		boolean lowerIsWorse = first.signal() == TextSignal.NPS || first.signal() == TextSignal.SATISFACTION;
		boolean otherWorse = lowerIsWorse ? other.value() < first.value() : other.value() > first.value();
		return otherWorse ? other : first;
	}

}
