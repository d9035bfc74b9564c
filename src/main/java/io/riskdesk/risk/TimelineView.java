package io.riskdesk.risk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.riskdesk.playbook.Cadence;
import io.riskdesk.timeline.TimelineEntry;
import io.riskdesk.timeline.TimelineKind;
import io.riskdesk.web.Labels;

/**
 * The timeline as the risk page shows it: newest first, people by name, and a run of SLA
 * entries (warnings, breaches, re-targets) folded into one group, since they are noise next to
 * what people did. The stored entries stay as they were written; the codes the workflow writes
 * into its own summaries ("Triage step CREATE_CAP", "OPEN -> TRIAGED") read as words here.
 */
final class TimelineView {

	/** A person's id in a stored summary, "Severity S1, owner 7", read at display time. */
	private static final Pattern OWNER_ID = Pattern.compile("\\bowner (\\d+)\\b");

	private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z_]+\\b");

	/** Codes by their words, of the enums the workflow names in its summaries. */
	private static final Map<String, String> WORDS = Stream
		.of(TriageStep.values(), Cadence.values(), Outcome.values(), RiskStatus.values())
		.flatMap(Stream::of)
		.collect(Collectors.toMap(Enum::name, Labels::of));

	/** The kinds whose summaries the workflow writes; the others are mostly what people typed. */
	private static final Set<TimelineKind> WORKFLOW = EnumSet.of(TimelineKind.TRANSITIONED, TimelineKind.TRIAGE_STEP,
			TimelineKind.UPDATED);

	/** One line of the page: who did what when. */
	record Line(TimelineEntry entry, String summary) {
	}

	/** One line, or several SLA lines in a row (newest first) shown under one summary. */
	record Group(List<Line> lines) {

		public Line first() {
			return lines.get(0);
		}

		public boolean folded() {
			return lines.size() > 1;
		}

	}

	private TimelineView() {
	}

	/** @param names people's names by id, for summaries that name an owner by id */
	static List<Group> of(List<TimelineEntry> oldestFirst, Map<Long, String> names) {
		List<Group> groups = new ArrayList<>();
		List<Line> sla = new ArrayList<>();
		List<TimelineEntry> newestFirst = new ArrayList<>(oldestFirst);
		Collections.reverse(newestFirst);
		for (TimelineEntry entry : newestFirst) {
			Line line = new Line(entry, readable(entry, names));
			if (entry.kind() == TimelineKind.SLA) {
				sla.add(line);
				continue;
			}
			flush(sla, groups);
			groups.add(new Group(List.of(line)));
		}
		flush(sla, groups);
		return groups;
	}

	private static void flush(List<Line> sla, List<Group> groups) {
		if (!sla.isEmpty()) {
			groups.add(new Group(List.copyOf(sla)));
			sla.clear();
		}
	}

	private static String readable(TimelineEntry entry, Map<Long, String> names) {
		if ("owner".equals(entry.details().get("field"))) {
			return "Changed owner from " + name(entry.before(), names) + " to " + name(entry.after(), names);
		}
		return WORKFLOW.contains(entry.kind()) ? words(entry.summary(), names) : withNames(entry.summary(), names);
	}

	/**
	 * A text the workflow wrote (a summary, a triage step's note such as "Cadence DAILY") with
	 * people by name and codes in words; null stays null.
	 */
	static String words(String text, Map<Long, String> names) {
		return text == null ? null : CODE.matcher(withNames(text, names))
			.replaceAll(code -> Matcher.quoteReplacement(WORDS.getOrDefault(code.group(), code.group())));
	}

	private static String withNames(String text, Map<Long, String> names) {
		return OWNER_ID.matcher(text).replaceAll(id -> Matcher.quoteReplacement("owner " + name(id.group(1), names)));
	}

	private static String name(String id, Map<Long, String> names) {
		if (id == null) {
			return "nobody";
		}
		try {
			return names.getOrDefault(Long.valueOf(id), "person " + id);
		}
		catch (NumberFormatException ex) {
			return id;
		}
	}

}
