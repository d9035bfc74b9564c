package io.riskdesk.intake.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.riskdesk.account.Money;
import io.riskdesk.intake.ExtractionDraft;
import io.riskdesk.intake.ExtractionDraft.ActionItem;
import io.riskdesk.intake.ExtractionDraft.Attendee;
import io.riskdesk.intake.ExtractionDraft.Concession;
import io.riskdesk.intake.ExtractionDraft.ConcessionStatus;
import io.riskdesk.intake.ExtractionDraft.Field;
import io.riskdesk.intake.ExtractionDraft.Impact;
import io.riskdesk.intake.ExtractionDraft.ImpactKind;
import io.riskdesk.intake.ExtractionDraft.Meeting;
import io.riskdesk.intake.ExtractionDraft.Side;
import io.riskdesk.intake.ExtractionDraft.Span;
import io.riskdesk.intake.internal.Outline.Line;
import io.riskdesk.intake.internal.Outline.Section;

/** Reads one normalised note into a draft. One instance per document; not thread-safe. */
final class NoteReader {

	private static final Pattern DATE_LINE = Pattern.compile("^(?:\\*\\*)?Date:(?:\\*\\*)?\\s*(.+)$");

	private static final Pattern TIMESTAMP = Pattern.compile("^\\[?(\\d{4}-\\d{2}-\\d{2})[ T]\\d{1,2}:\\d{2}");

	private static final Pattern ACCOUNT_LINE = Pattern
		.compile("^(?:Customer|Account|Client|Company)(?: name)?:\\s*([A-Z][\\w&.' -]{1,60}?)\\s*$");

	private static final Pattern NAMED_COMPANY = Pattern.compile(
			"(?:complaint|escalation|escalated complaint|Client|issue) from ([A-Z][\\w&]*(?: [A-Z][\\w&]*){0,3})|\\bClient ([A-Z][\\w&]*(?: [A-Z][\\w&]*){0,3})");

	private static final Pattern CONTRACT_VALUE = Pattern
		.compile("(?i)\\b(ARR|annual contract value|contract value|account value|annual recurring revenue|ACV)\\b");

	private static final Pattern LOST = Pattern.compile(Amounts.MONEY.pattern() + "\\s+in\\s+lost\\s+\\w+");

	private static final Pattern PEOPLE = Pattern.compile(
			"\\b(\\d{1,3}(?:,\\d{3})+|\\d{1,9})(?:\\.(\\d{1,3}))?\\s?([Kk])?\\+?\\s+(users|employees|seats|staff|people|agents)\\b");

	private static final Pattern DOWNTIME = Pattern.compile("(?i)\\b(\\d{1,4})[- ](hours?|hrs?|minutes?|mins?|days?)\\b");

	private static final Pattern OUTAGE_WORDS = Pattern.compile("(?i)outage|downtime|\\bdown\\b|offline|unavailable|lasting");

	private static final Pattern ROOT_CAUSE_INLINE = Pattern
		.compile("(?i)^root causes?(?: identified)?:\\s*(.+)$|root cause analysis completed \\(([^)]+)\\)|\\btraced to (.+?)(?:\\.|$)");

	/** What the customer wants, stated on a line of its own: "Customer demand: 100% service credit for Q4". */
	private static final Pattern CONCERN_INLINE = Pattern
		.compile("(?i)^customer (?:demands?|requests?|asks?|complaints?|concerns?):\\s*(.+)$");

	private static final Pattern CONCESSION_WORDS = Pattern.compile("(?i)credit|concession|waiver|discount|refund");

	private static final Pattern OPTION_NUMBER = Pattern.compile("(?i)option (\\d{1,2})");

	private static final Pattern OWNER_LABEL = Pattern.compile("^([A-Z][\\w'.’]*(?: [A-Z][\\w'.’]*){0,2}):\\s+(.+)$");

	private static final Pattern MENTION = Pattern.compile("@([A-Za-z][\\w.-]*[A-Za-z])");

	private static final Pattern OWNER_FIELD = Pattern
		.compile("(?i)[(\\[]?\\bowner:\\s*@?([A-Z][\\w'.-]*(?: [A-Z][\\w'.-]*)?)[)\\]]?[,;]?");

	private static final Pattern DUE_FIELD = Pattern.compile("(?i)\\bdue(?: date)?:\\s*(.+)$");

	private static final Pattern FLAGGED_ACTION = Pattern.compile("(?i)\\b(?:action(?: item)?|todo)\\s*:\\s*(.+)$");

	private static final Pattern DUE_KEYWORD = Pattern
		.compile("(?i)[\\s,;(-]*\\b(?:by|within|starting|before|due|on|in|to|until|no later than)\\s*$");

	private static final Pattern WITHIN_PHRASE = Pattern.compile("(?i)^(?:within|in)\\b");

	private static final Pattern LABELLED = Pattern.compile("^([^:]{2,60}):\\s*(.+)$");

	private static final Pattern BOLD_ITEM = Pattern.compile("^\\*\\*([^*]+?):?\\*\\*:?\\s*(.+)$");

	private static final Pattern OWNER_BLOCK = Pattern.compile("^\\*\\*[^*]+?:?\\*\\*:?\\s*$");

	private static final Pattern COMMITTING = Pattern.compile("(?i)\\b(agree\\w*|commit\\w*|will|promise\\w*)\\b");

	private static final Pattern APPROVED = Pattern.compile("(?i)\\bapproved\\b");

	private static final Pattern REVENUE_AT_RISK = Pattern
		.compile("(?i)\\bloss of\\b|revenue impact|revenue at risk|at risk:");

	private static final Pattern CANCEL = Pattern.compile("(?i)cancel");

	private static final Pattern RENEW = Pattern.compile("(?i)\\brenew");

	private static final Pattern DASH_PURPOSE = Pattern.compile("^[^-–—]*[-–—]\\s*(.+)$");

	private static final Pattern FOR_PURPOSE = Pattern.compile("\\bfor (.+)$");

	private static final Pattern MEETING_LABEL = Pattern
		.compile("(?i)follow-?up meeting|next meeting|next call|follow-?up call|next sync|reconvene");

	private static final Pattern MEETING_WORD = Pattern.compile("(?i)\\b(reconvene|meet|meeting|call|sync)\\b");

	private static final Pattern DECISION_LINE = Pattern.compile("(?i)^(?:decisions?|decided):\\s*(.+)$");

	private final String text;

	private final Outline outline;

	private final SeverityRules rules;

	private Field<LocalDate> documentDate;

	private LocalDate reference;

	private List<Attendee> attendees;

	private List<String> organisations;

	NoteReader(String text, SeverityRules rules) {
		this.text = text;
		this.outline = new Outline(text);
		this.rules = rules;
	}

	ExtractionDraft read() {
		documentDate = documentDate();
		reference = documentDate == null ? null : documentDate.value();
		AttendeeReader people = new AttendeeReader(outline);
		attendees = people.attendees();
		organisations = people.organisations();
		Field<String> account = accountName();
		Field<LocalDate> cancellation = dateAfter(CANCEL);
		List<Field<String>> options = sectionTexts(Section.OPTIONS);
		List<Field<String>> decisions = decisions();
		List<Impact> impact = impact();
		Field<LocalDate> renewal = dateAfter(RENEW);
		return new ExtractionDraft(account, documentDate, attendees, contractValue(), renewal,
				cancellation, impact, sectionAndInline(Section.CONCERNS, CONCERN_INLINE), rootCauses(), options, decisions,
				concessions(decisions), actionItems(), meetings(), customerCommitments(),
				rules.suggest(text, impact, cancellation, renewal, reference));
	}

	// ---- spans

	private Span span(int start, int end) {
		return outline.span(start, end);
	}

	private Span span(Line line) {
		return outline.span(line);
	}

	// ---- date and account

	private Field<LocalDate> documentDate() {
		for (Line line : outline.lines) {
			Matcher m = DATE_LINE.matcher(line.content());
			if (m.matches()) {
				Optional<Dates.Found> found = Dates.absolute(m.group(1), null);
				if (found.isPresent()) {
					int at = line.contentStart() + m.start(1);
					return new Field<>(found.get().date(), span(at + found.get().start(), at + found.get().end()));
				}
			}
		}
		for (Line line : outline.lines) {
			Matcher m = TIMESTAMP.matcher(line.content());
			if (m.find()) {
				Optional<Dates.Found> found = Dates.absolute(m.group(1), null);
				if (found.isPresent()) {
					int at = line.contentStart() + m.start(1);
					return new Field<>(found.get().date(), span(at, at + m.group(1).length()));
				}
			}
		}
		return null;
	}

	private Field<String> accountName() {
		for (Line line : outline.lines) {
			if (line.section() == Section.ATTENDEES) {
				continue;
			}
			Matcher m = ACCOUNT_LINE.matcher(Outline.plain(line.content()));
			if (m.matches() && attendees.stream().noneMatch(a -> a.name().equals(m.group(1)))) {
				return located(m.group(1), line);
			}
		}
		if (!organisations.isEmpty()) {
			return located(organisations.get(0), null);
		}
		for (Line line : outline.lines) {
			if (line.item() && line.section() == Section.ACCOUNT) {
				Matcher m = OWNER_LABEL.matcher(Outline.plain(line.content()));
				if (m.matches()) {
					return located(m.group(1), line);
				}
			}
		}
		Matcher m = NAMED_COMPANY.matcher(text);
		if (m.find()) {
			int group = m.group(1) != null ? 1 : 2;
			return new Field<>(m.group(group), span(m.start(group), m.end(group)));
		}
		return null;
	}

	/**
	 * A value read from plain text with the span of its first occurrence as written (marks and
	 * runs of spaces included), from the line given or else anywhere.
	 */
	private Field<String> located(String value, Line line) {
		Matcher written = Outline.asWritten(value).matcher(text);
		return written.find(line == null ? 0 : line.start()) ? new Field<>(value, span(written.start(), written.end())) : null;
	}

	// ---- money, dates, impact

	private Field<Money> contractValue() {
		for (Line line : outline.lines) {
			if (CONTRACT_VALUE.matcher(line.content()).find()) {
				Optional<Amounts.Found> found = Amounts.first(line.content());
				if (found.isPresent()) {
					int at = line.contentStart();
					return new Field<>(found.get().money(), span(at + found.get().start(), at + found.get().end()));
				}
			}
		}
		return null;
	}

	/** The first absolute date after a word (cancel, renew) on the same line. */
	private Field<LocalDate> dateAfter(Pattern word) {
		for (Line line : outline.lines) {
			Matcher m = word.matcher(line.content());
			if (m.find()) {
				String rest = line.content().substring(m.end());
				Optional<Dates.Found> found = Dates.absolute(rest, reference);
				if (found.isPresent()) {
					int at = line.contentStart() + m.end();
					return new Field<>(found.get().date(), span(at + found.get().start(), at + found.get().end()));
				}
			}
		}
		return null;
	}

	private List<Impact> impact() {
		List<Impact> figures = new ArrayList<>();
		Matcher lost = LOST.matcher(text);
		while (lost.find()) {
			Money money = Amounts.found(lost).money();
			figures.add(new Impact(ImpactKind.MONEY_LOST, money.amount(), money.currency().getCurrencyCode(),
					span(lost.start(), lost.end())));
		}
		for (Line line : outline.lines) {
			Optional<Amounts.Found> money = Amounts.first(line.content());
			if (money.isPresent() && REVENUE_AT_RISK.matcher(line.content()).find()) {
				int at = line.contentStart();
				figures.add(new Impact(ImpactKind.REVENUE_AT_RISK, money.get().money().amount(),
						money.get().money().currency().getCurrencyCode(),
						span(at + money.get().start(), at + money.get().end())));
			}
		}
		Matcher people = PEOPLE.matcher(text);
		while (people.find()) {
			BigDecimal amount = new BigDecimal(
					people.group(1).replace(",", "") + (people.group(2) == null ? "" : "." + people.group(2)));
			if (people.group(3) != null) {
				amount = amount.movePointRight(3);
			}
			figures.add(new Impact(ImpactKind.PEOPLE_AFFECTED, Amounts.plain(amount),
					people.group(4).toLowerCase(Locale.ROOT), span(people.start(), people.end())));
		}
		for (Line line : outline.lines) {
			if (!OUTAGE_WORDS.matcher(line.content()).find()) {
				continue;
			}
			Matcher m = DOWNTIME.matcher(line.content());
			while (m.find()) {
				String unit = m.group(2).toLowerCase(Locale.ROOT);
				unit = unit.startsWith("h") ? "hours" : unit.startsWith("m") ? "minutes" : "days";
				figures.add(new Impact(ImpactKind.DOWNTIME, new BigDecimal(m.group(1)), unit,
						span(line.contentStart() + m.start(), line.contentStart() + m.end())));
			}
		}
		return figures;
	}

	// ---- sections

	/** A list item (or, in commitment sections, a sentence of prose) with its nested lines. */
	private record Item(Line line, List<Line> children) {
	}

	private List<Item> items(Set<Section> sections) {
		List<Item> items = new ArrayList<>();
		Item current = null;
		for (Line line : outline.lines) {
			if (!sections.contains(line.section()) || line.heading() || line.blank()) {
				if (line.heading() || !sections.contains(line.section())) {
					current = null;
				}
				continue;
			}
			if (current != null && line.indent() > current.line().indent()
					&& line.section() == current.line().section()) {
				current.children().add(line);
			}
			else if (line.item() || line.section() == Section.CUSTOMER_COMMITMENTS) {
				current = new Item(line, new ArrayList<>());
				items.add(current);
			}
		}
		return items;
	}

	private String itemText(Item item) {
		String head = Outline.plain(item.line().content());
		if (item.children().isEmpty()) {
			return head;
		}
		List<String> children = item.children().stream().map(line -> Outline.plain(line.content())).toList();
		return head + " " + String.join("; ", children);
	}

	private Span itemSpan(Item item) {
		Line last = item.children().isEmpty() ? item.line() : item.children().get(item.children().size() - 1);
		return span(item.line().contentStart(), last.contentStart() + last.content().length());
	}

	private List<Field<String>> sectionTexts(Section section) {
		return items(EnumSet.of(section)).stream().map(item -> new Field<>(itemText(item), itemSpan(item))).toList();
	}

	private List<Field<String>> rootCauses() {
		return sectionAndInline(Section.ROOT_CAUSE, ROOT_CAUSE_INLINE);
	}

	/** A section's items and the same kind of text stated on a line of its own ("Root cause: ..."), each once. */
	private List<Field<String>> sectionAndInline(Section section, Pattern inline) {
		Map<String, Field<String>> found = new LinkedHashMap<>();
		for (Field<String> item : sectionTexts(section)) {
			found.putIfAbsent(item.value().toLowerCase(Locale.ROOT), item);
		}
		for (Line line : outline.lines) {
			if (line.section() == section && !line.heading()) {
				continue; // already one of the section's items
			}
			String content = line.heading() && line.labelValue() != null ? line.label() + ": " + line.labelValue()
					: line.content();
			Matcher m = inline.matcher(Outline.plain(content));
			if (m.find()) {
				String value = firstGroup(m);
				if (value != null && !value.isBlank()) {
					found.putIfAbsent(value.strip().toLowerCase(Locale.ROOT), located(value.strip(), line));
				}
			}
		}
		found.values().removeIf(Objects::isNull);
		return List.copyOf(found.values());
	}

	private static String firstGroup(Matcher m) {
		for (int group = 1; group <= m.groupCount(); group++) {
			if (m.group(group) != null) {
				return m.group(group);
			}
		}
		return null;
	}

	private List<Field<String>> decisions() {
		List<Field<String>> decisions = new ArrayList<>();
		for (Item item : items(EnumSet.of(Section.DECISIONS))) {
			String decision = itemText(item);
			if (!decision.isBlank()) {
				decisions.add(new Field<>(promised(item.line(), decision), itemSpan(item)));
			}
		}
		// "Contract concessions approved up to $120K" among commitments is a decision taken, not a task.
		items(EnumSet.of(Section.ACTIONS)).stream()
			.filter(item -> APPROVED.matcher(item.line().content()).find())
			.forEach(item -> decisions.add(new Field<>(itemText(item), itemSpan(item))));
		for (Line line : outline.lines) {
			Matcher plain = DECISION_LINE.matcher(line.content());
			if (line.heading() && Section.of(line.label()) == Section.DECISIONS && line.labelValue() != null
					&& !line.labelValue().isBlank()) {
				int at = text.indexOf(line.labelValue(), line.start());
				decisions.add(new Field<>(promised(line, Outline.plain(line.labelValue())), span(at, at + line.labelValue().length())));
			}
			else if (!line.heading() && plain.matches()) {
				int at = line.contentStart() + plain.start(1);
				decisions.add(new Field<>(Outline.plain(plain.group(1)), span(at, line.contentStart() + plain.end(1))));
			}
		}
		return decisions;
	}

	private List<Concession> concessions(List<Field<String>> decisions) {
		Item chosen = chosenOption(decisions);
		List<Concession> concessions = new ArrayList<>();
		for (Line line : outline.lines) {
			String content = line.content();
			if (!CONCESSION_WORDS.matcher(content).find()) {
				continue;
			}
			Optional<Amounts.Found> money = Amounts.first(content);
			if (money.isEmpty()) {
				continue;
			}
			String lower = content.toLowerCase(Locale.ROOT);
			boolean inChosen = chosen != null && chosen.children().contains(line);
			ConcessionStatus status = lower.contains("approved") || inChosen ? ConcessionStatus.APPROVED
					: lower.matches(".*\\b(request\\w*|approval for|demand\\w*)\\b.*") ? ConcessionStatus.REQUESTED
							: ConcessionStatus.PROPOSED;
			concessions.add(new Concession(Outline.plain(content), money.get().money(), status, span(line)));
		}
		return concessions;
	}

	/** The resolution option a decision approves by number ("Approved Option 2"), if any. */
	private Item chosenOption(List<Field<String>> decisions) {
		List<Item> options = items(EnumSet.of(Section.OPTIONS));
		for (Field<String> decision : decisions) {
			Matcher m = OPTION_NUMBER.matcher(decision.value());
			if (m.find()) {
				String number = m.group(1);
				for (Item option : options) {
					if (option.line().text().strip().startsWith(number + ".")) {
						return option;
					}
				}
			}
		}
		return null;
	}

	// ---- action items, commitments, meetings

	private List<ActionItem> actionItems() {
		List<ActionItem> actions = new ArrayList<>();
		for (Item item : items(EnumSet.of(Section.ACTIONS, Section.CUSTOMER_COMMITMENTS, Section.FOLLOW_UP))) {
			Side side = item.line().section() == Section.CUSTOMER_COMMITMENTS ? Side.CUSTOMER : Side.INTERNAL;
			String content = Outline.plain(item.line().content());
			if (item.line().section() == Section.FOLLOW_UP) {
				followUpItem(item.line(), content, actions);
			}
			else if (OWNER_BLOCK.matcher(item.line().content()).matches() && !item.children().isEmpty()) {
				String owner = content.replaceAll(":$", "").strip();
				for (Line child : item.children()) {
					actions.add(action(owner, Outline.plain(child.content()), side, span(child)));
				}
			}
			else if (!item.line().item() && !COMMITTING.matcher(content).find()) {
				continue;
			}
			else if (item.line().item() && !APPROVED.matcher(content).find()) {
				actions.add(parseAction(item, content, side, defaultOwner(item.line())));
			}
		}
		actions.addAll(tableActions());
		for (Line line : outline.lines) {
			Matcher flagged = FLAGGED_ACTION.matcher(line.content());
			if (!line.heading() && line.section() != Section.ACTIONS && flagged.find()) {
				actions.add(parseAction(new Item(line, List.of()), Outline.plain(flagged.group(1)), Side.INTERNAL,
						null));
			}
		}
		return actions;
	}

	/** "Actions I'm taking:" in an email are the sender's own. */
	private String defaultOwner(Line line) {
		Outline.Message message = outline.messageOf(line);
		return message != null && headingOf(line).filter(heading -> heading.label().matches("(?i).*\\b(I'?m|I am|my|I will|I'll)\\b.*"))
			.isPresent() ? message.author() : null;
	}

	/** Under "Sarah committed to:", a decision says who committed to it. */
	private String promised(Line line, String decision) {
		return headingOf(line).map(heading -> heading.label().replaceAll("[*_#:`]", "").strip())
			.filter(label -> Outline.PROMISE.matcher(label).matches())
			.map(label -> label + ": " + decision)
			.orElse(decision);
	}

	/** The nearest heading at or above a line. */
	private Optional<Line> headingOf(Line line) {
		for (int i = line.index(); i >= 0; i--) {
			if (outline.lines.get(i).heading()) {
				return Optional.of(outline.lines.get(i));
			}
		}
		return Optional.empty();
	}

	private void followUpItem(Line line, String content, List<ActionItem> actions) {
		Matcher labelled = LABELLED.matcher(content);
		if (labelled.matches() && !MEETING_LABEL.matcher(labelled.group(1)).find()) {
			String task = labelled.group(1).replaceAll("(?i)\\s+due$", "").strip();
			LocalDate due = Dates.due(labelled.group(2), reference).map(Dates.Found::date).orElse(null);
			actions.add(new ActionItem(null, task, due, Side.INTERNAL, span(line)));
		}
	}

	private ActionItem parseAction(Item item, String content, Side side, String defaultOwner) {
		String owner = defaultOwner;
		String task = content;
		Matcher bold = BOLD_ITEM.matcher(item.line().content().strip());
		Matcher labelled = OWNER_LABEL.matcher(content);
		if (bold.matches()) {
			owner = bold.group(1).strip();
			task = Outline.plain(bold.group(2));
		}
		else if (labelled.matches()) {
			owner = labelled.group(1);
			task = labelled.group(2);
		}
		String all = task + " " + String.join(" ", item.children().stream().map(Line::content).toList());
		Matcher ownerField = OWNER_FIELD.matcher(all);
		Matcher mention = MENTION.matcher(task);
		if (ownerField.find()) {
			owner = ownerField.group(1);
			task = OWNER_FIELD.matcher(task).replaceAll("");
		}
		else if (mention.find()) {
			owner = mention.group(1);
			// "@sam set up a call" is Sam's task "set up a call"; "ask @sam" keeps the name in the wording.
			task = mention.start() == 0 ? task.substring(mention.end()) : task.replace(mention.group(), mention.group(1));
		}
		Matcher dueField = DUE_FIELD.matcher(all);
		String dueText = dueField.find() ? dueField.group(1) : task;
		task = DUE_FIELD.matcher(task).replaceAll("");
		ActionItem draft = action(owner, task, side, itemSpan(item));
		if (draft.due() == null && !dueText.equals(task)) {
			LocalDate due = Dates.due(dueText, reference).map(Dates.Found::date).orElse(null);
			return new ActionItem(draft.owner(), draft.task(), due, draft.side(), draft.span());
		}
		return draft;
	}

	/** An action with its due date taken from the task ("within 24 hours", "by November 30") and cut from its wording. */
	private ActionItem action(String owner, String task, Side side, Span span) {
		String cleaned = task.strip();
		Optional<Dates.Found> found = Dates.due(cleaned, reference);
		LocalDate due = found.map(Dates.Found::date).orElse(null);
		// A due phrase that ends the task ("... by November 30", "... within 24 hours") is cut from it.
		if (found.isPresent() && cleaned.substring(found.get().end()).matches("[\\s.;,)]*")) {
			String before = cleaned.substring(0, found.get().start());
			Matcher keyword = DUE_KEYWORD.matcher(before);
			if (keyword.find()) {
				cleaned = before.substring(0, keyword.start()).strip();
			}
			else if (WITHIN_PHRASE.matcher(cleaned.substring(found.get().start())).find()) {
				cleaned = before.strip();
			}
		}
		String resolved = owner == null ? null : resolveOwner(owner.strip());
		Side ownerSide = side;
		for (Attendee attendee : attendees) {
			if (attendee.name().equals(resolved) && attendee.side() == Side.CUSTOMER) {
				ownerSide = Side.CUSTOMER;
			}
		}
		return new ActionItem(resolved, cleaned.isEmpty() ? task.strip() : cleaned, due, ownerSide, span);
	}

	/** A first name that fits exactly one attendee becomes that attendee's full name. */
	private String resolveOwner(String owner) {
		List<Attendee> matches = attendees.stream()
			.filter(a -> a.name().equalsIgnoreCase(owner) || a.name().toLowerCase(Locale.ROOT)
				.startsWith(owner.toLowerCase(Locale.ROOT) + " "))
			.toList();
		return matches.size() == 1 ? matches.get(0).name() : owner;
	}

	/** Rows of a Markdown table whose header names an owner and a task. */
	private List<ActionItem> tableActions() {
		List<ActionItem> actions = new ArrayList<>();
		List<Line> lines = outline.lines;
		for (int i = 0; i + 1 < lines.size(); i++) {
			String header = lines.get(i).content();
			if (!header.startsWith("|") || !lines.get(i + 1).content().matches("^\\|?[\\s:|-]*-{3,}[\\s:|-]*$")) {
				continue;
			}
			List<String> names = cells(header).stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
			int owner = indexOf(names, "owner|who|assignee|responsible");
			int task = indexOf(names, "task|action|item|what");
			int due = indexOf(names, "due|date|when|deadline");
			if (owner < 0 || task < 0) {
				continue;
			}
			int row = i + 2;
			for (; row < lines.size() && lines.get(row).content().startsWith("|"); row++) {
				List<String> cells = cells(lines.get(row).content());
				if (cells.size() <= Math.max(owner, task)) {
					continue;
				}
				String taskText = cells.get(task) + (due >= 0 && due < cells.size() ? " by " + cells.get(due) : "");
				actions.add(action(Outline.plain(cells.get(owner)).replace("@", ""), Outline.plain(taskText),
						Side.INTERNAL, span(lines.get(row))));
			}
			i = row - 1;
		}
		return actions;
	}

	private static List<String> cells(String row) {
		String inner = row.strip().replaceAll("^\\||\\|$", "");
		return List.of(inner.split("\\|", -1)).stream().map(String::strip).toList();
	}

	private static int indexOf(List<String> names, String words) {
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i).matches("(?i).*\\b(" + words + ")\\b.*")) {
				return i;
			}
		}
		return -1;
	}

	private List<Field<String>> customerCommitments() {
		return items(EnumSet.of(Section.CUSTOMER_COMMITMENTS)).stream()
			.filter(item -> item.line().item()
					|| COMMITTING.matcher(item.line().content()).find())
			.map(item -> {
				String content = Outline.plain(item.line().content());
				if (!item.line().item()) {
					// Prose: keep the sentence that commits.
					for (String sentence : content.split("(?<=\\.)\\s+")) {
						if (COMMITTING.matcher(sentence).find()) {
							return located(sentence, item.line());
						}
					}
				}
				return new Field<>(content, itemSpan(item));
			})
			.filter(Objects::nonNull)
			.toList();
	}

	private List<Meeting> meetings() {
		Map<LocalDate, Meeting> meetings = new LinkedHashMap<>();
		for (Line line : outline.lines) {
			String label = line.heading() ? line.label() : null;
			String value = line.heading() ? line.labelValue() : null;
			Matcher labelled = LABELLED.matcher(Outline.plain(line.content()));
			if (label == null && labelled.matches()) {
				label = labelled.group(1);
				value = labelled.group(2);
			}
			if (label != null && value != null && MEETING_LABEL.matcher(label).find()) {
				Optional<Dates.Found> date = Dates.due(value, reference);
				if (date.isPresent()) {
					String rest = value.substring(date.get().end());
					Matcher purpose = DASH_PURPOSE.matcher(rest);
					meet(meetings, new Meeting(date.get().date(), Dates.time(rest).orElse(null),
							purpose.matches() ? purpose.group(1).strip() : null, span(line)));
					continue;
				}
			}
			freeTextMeetings(line, meetings);
		}
		return List.copyOf(meetings.values());
	}

	/** "willing to meet tomorrow at 10 AM", "reconvene Friday for status update": a day close after a meeting word. */
	private void freeTextMeetings(Line line, Map<LocalDate, Meeting> meetings) {
		if (reference == null || line.section() == Section.ACTIONS || FLAGGED_ACTION.matcher(line.content()).find()) {
			return;
		}
		String content = line.content();
		Matcher word = MEETING_WORD.matcher(content);
		while (word.find()) {
			int windowEnd = Math.min(content.length(), word.end() + 25);
			while (windowEnd < content.length() && Character.isLetterOrDigit(content.charAt(windowEnd))) {
				windowEnd++; // never cut a date in half ("Jan 21" is not "Jan 2")
			}
			String after = content.substring(word.end(), windowEnd);
			Optional<Dates.Found> date = Dates.due(after, reference);
			if (date.isEmpty() || WITHIN_PHRASE.matcher(after.substring(date.get().start())).find()) {
				continue;
			}
			String rest = content.substring(word.end() + date.get().end());
			// A limit keeps the empty text before a leading separator: "meet Friday." has no clause after the day.
			String clause = rest.split("[.;]", 2)[0];
			Optional<LocalTime> time = Dates.time(clause.split("\\bfor\\b", 2)[0]);
			Matcher purpose = FOR_PURPOSE.matcher(Outline.plain(clause));
			int start = line.contentStart() + word.start();
			int end = line.contentStart() + word.end() + date.get().end();
			meet(meetings, new Meeting(date.get().date(), time.orElse(null),
					purpose.find() ? purpose.group(1).strip() : null, span(start, end)));
		}
	}

	/** One meeting per day: a later mention adds the time or purpose an earlier one lacked. */
	private static void meet(Map<LocalDate, Meeting> meetings, Meeting meeting) {
		meetings.merge(meeting.date(), meeting,
				(old, added) -> new Meeting(old.date(), old.time() != null ? old.time() : added.time(),
						old.purpose() != null ? old.purpose() : added.purpose(),
						old.time() == null && added.time() != null ? added.span() : old.span()));
	}

}
