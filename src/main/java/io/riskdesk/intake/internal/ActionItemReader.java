package io.riskdesk.intake.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.riskdesk.intake.ExtractionDraft.ActionItem;
import io.riskdesk.intake.ExtractionDraft.Attendee;
import io.riskdesk.intake.ExtractionDraft.Side;
import io.riskdesk.intake.ExtractionDraft.Span;
import io.riskdesk.intake.internal.Note.Item;
import io.riskdesk.intake.internal.Outline.Line;
import io.riskdesk.intake.internal.Outline.Section;

/**
 * Who does what by when: items under action and commitment headings, follow-up lines, tables of
 * action items, and {@code TODO:} / {@code Action:} lines anywhere.
 */
final class ActionItemReader {

	/** "Action: ...", "TODO: ..." on a line anywhere. */
	static final Pattern FLAGGED_ACTION = Pattern.compile("(?i)\\b(?:action(?: item)?|todo)\\s*:\\s*(.+)$");

	private static final Pattern MENTION = Pattern.compile("@([A-Za-z][\\w.-]*[A-Za-z])");

	private static final Pattern OWNER_FIELD = Pattern
		.compile("(?i)[(\\[]?\\bowner:\\s*@?([A-Z][\\w'.-]*(?: [A-Z][\\w'.-]*)?)[)\\]]?[,;]?");

	private static final Pattern DUE_FIELD = Pattern.compile("(?i)\\bdue(?: date)?:\\s*(.+)$");

	private static final Pattern DUE_KEYWORD = Pattern
		.compile("(?i)[\\s,;(-]*\\b(?:by|within|starting|before|due|on|in|to|until|no later than)\\s*$");

	/** A task list's box: "[ ] Add the timeout", "[x] Fix the routing". */
	private static final Pattern CHECKBOX = Pattern.compile("^\\s*\\[[ xX]?\\]\\s*");

	/** The separators left at a task's end once its owner and due fields are cut: "Add the timeout - - ". */
	private static final Pattern LEFT_OVER = Pattern.compile("(?:\\s*[-–—|,;])+\\s*$");

	/** One line of an "Owner: / Task: / Due:" block. */
	private static final Pattern BLOCK_FIELD = Pattern
		.compile("(?i)^(?:\\*\\*)?(owner|assignee|assigned to|who|task|action|what|due|due date|deadline|when)(?:\\*\\*)?:(?:\\*\\*)?\\s*(.+)$");

	private static final Pattern ADDRESS_LINE = Pattern.compile("(?i)^(?:\\*\\*)?(?:to|cc):");

	private static final Pattern NAMED_ADDRESS = Pattern.compile("([\\p{L}][\\p{L}'’. -]*?)\\s*<[^>]+>");

	private static final Pattern SAME_DAY = Pattern.compile("(?i)\\b(?:today|tonight|immediately)\\b");

	private static final Pattern BOLD_ITEM = Pattern.compile("^\\*\\*([^*]+?):?\\*\\*:?\\s*(.+)$");

	private static final Pattern OWNER_BLOCK = Pattern.compile("^\\*\\*[^*]+?:?\\*\\*:?\\s*$");

	/** "... by the renewal date", "before renewal": due when the contract renews. */
	private static final Pattern BY_RENEWAL = Pattern.compile(
			"(?i)[\\s,;(-]*\\b(?:by|before|ahead of|prior to|until)\\s+(?:the\\s+)?(?:contract\\s+)?renewal(?:\\s+date)?\\b[\\s.;,)]*$");

	private final Note note;

	private final Authors authors;

	private final StatedActionReader stated;

	private final LocalDate renewal;

	/** @param renewal the renewal date the document states, or null */
	ActionItemReader(Note note, Authors authors, LocalDate renewal) {
		this.note = note;
		this.authors = authors;
		this.renewal = renewal;
		this.stated = new StatedActionReader(note, authors, this);
	}

	List<ActionItem> actionItems() {
		List<ActionItem> actions = new ArrayList<>();
		for (Item item : note.items(EnumSet.of(Section.ACTIONS, Section.CUSTOMER_COMMITMENTS, Section.FOLLOW_UP))) {
			Side side = item.line().section() == Section.CUSTOMER_COMMITMENTS ? Side.CUSTOMER : Side.INTERNAL;
			String content = Outline.plain(item.line().content());
			if (item.line().section() == Section.FOLLOW_UP) {
				followUpItem(item.line(), content, actions);
			}
			else if (OWNER_BLOCK.matcher(item.line().content()).matches() && !item.children().isEmpty()) {
				String owner = content.replaceAll(":$", "").strip();
				for (Line child : item.children()) {
					actions.add(action(owner, Outline.plain(child.content()), side, note.span(child)));
				}
			}
			else if (!item.line().item() && !SectionReader.COMMITTING.matcher(content).find()) {
				continue;
			}
			else if (item.line().item() && !DecisionReader.APPROVED.matcher(content).find()) {
				actions.add(parseAction(item, content, side, defaultOwner(item.line())));
			}
		}
		actions.addAll(tableActions());
		List<ActionItem> blocks = fieldBlocks();
		actions.addAll(blocks);
		for (Line line : note.lines()) {
			Matcher flagged = FLAGGED_ACTION.matcher(line.content());
			boolean inBlock = blocks.stream().anyMatch(block -> block.span().start() <= line.start() && line.start() < block.span().end());
			if (!line.heading() && line.section() != Section.ACTIONS && !inBlock && flagged.find()) {
				actions.add(parseAction(new Item(line, List.of()), Outline.plain(flagged.group(1)), Side.INTERNAL,
						null));
			}
		}
		actions.addAll(stated.actionItems(actions.stream().map(ActionItem::span).toList()));
		return actions;
	}

	/** "Actions I'm taking:" in an email are the sender's own. */
	private String defaultOwner(Line line) {
		Outline.Message message = note.outline().messageOf(line);
		return message != null && note.headingOf(line).filter(heading -> heading.label().matches("(?i).*\\b(I'?m|I am|my|I will|I'll)\\b.*"))
			.isPresent() ? message.author() : null;
	}

	/** "Executive review due: Friday" under a follow-up heading is a task; "Next meeting: ..." is a meeting. */
	private void followUpItem(Line line, String content, List<ActionItem> actions) {
		Matcher labelled = Outline.LABELLED.matcher(content);
		if (labelled.matches() && !MeetingReader.namesMeeting(labelled.group(1))) {
			String task = labelled.group(1).replaceAll("(?i)\\s+due$", "").strip();
			Optional<Dates.Found> due = Dates.due(labelled.group(2), note.referenceAt(line.start()));
			actions.add(new ActionItem(null, task, due.map(Dates.Found::date).orElse(null), Side.INTERNAL,
					note.span(line), due.map(Dates.Found::alternatives).orElse(List.of())));
		}
	}

	private ActionItem parseAction(Item item, String content, Side side, String defaultOwner) {
		String owner = defaultOwner;
		String task = content;
		Matcher bold = BOLD_ITEM.matcher(item.line().content().strip());
		Matcher labelled = Outline.NAMED_LINE.matcher(content);
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
		else if (owner == null) {
			// "Dana (SRE) to ship the fix", "I'll send the deck", "Ship the fix - Dana"
			Optional<StatedActionReader.Stated> shaped = stated.stated(task, authors.of(item.line()), true,
					note.referenceAt(item.line().start()));
			if (shaped.isPresent() && shaped.get().owner() != null) {
				owner = shaped.get().owner();
				task = shaped.get().task();
			}
		}
		Matcher dueField = DUE_FIELD.matcher(all);
		String dueText = dueField.find() ? dueField.group(1) : task;
		task = LEFT_OVER.matcher(CHECKBOX.matcher(DUE_FIELD.matcher(task).replaceAll("")).replaceFirst("")).replaceAll("");
		ActionItem draft = action(owner, task, side, note.span(item));
		if (draft.due() == null && !dueText.equals(task)) {
			Optional<Dates.Found> due = Dates.due(dueText, note.referenceAt(item.line().start()));
			return new ActionItem(draft.owner(), draft.task(), due.map(Dates.Found::date).orElse(null), draft.side(),
					draft.span(), due.map(Dates.Found::alternatives).orElse(List.of()));
		}
		return draft;
	}

	/** An action with its due date taken from the task ("within 24 hours", "by November 30") and cut from its wording. */
	ActionItem action(String owner, String task, Side side, Span span) {
		String cleaned = task.strip();
		Optional<Dates.Found> found = Dates.due(cleaned, note.referenceAt(span.start()));
		LocalDate due = found.map(Dates.Found::date).orElse(null);
		Matcher byRenewal = BY_RENEWAL.matcher(cleaned);
		if (due == null && renewal != null && byRenewal.find()) {
			due = renewal;
			cleaned = cleaned.substring(0, byRenewal.start()).strip();
		}
		// A due phrase that ends the task ("... by November 30", "... within 24 hours") is cut from it.
		if (found.isPresent() && cleaned.substring(found.get().end()).matches("[\\s.;,)]*")) {
			String before = cleaned.substring(0, found.get().start());
			Matcher keyword = DUE_KEYWORD.matcher(before);
			if (keyword.find()) {
				cleaned = before.substring(0, keyword.start()).strip();
			}
			else if (Dates.opensWithin(cleaned.substring(found.get().start())) || before.endsWith(" ")
					&& !SAME_DAY.matcher(cleaned.substring(found.get().start())).find()) {
				// "within 48 hours", and a later day after the task's words: "call their admin tomorrow"
				// ("for 6 PM today", "assigned immediately" say how, not only when).
				cleaned = before.strip();
			}
		}
		// "Paul Verdier (Verdant IT)": the brackets say where the owner works, not who it is.
		String resolved = owner == null ? null : resolveOwner(owner.replaceFirst("\\s*\\([^)]*\\)\\s*$", "").strip());
		Side ownerSide = side;
		for (Attendee attendee : note.attendees()) {
			if (attendee.name().equals(resolved) && attendee.side() == Side.CUSTOMER) {
				ownerSide = Side.CUSTOMER;
			}
		}
		return new ActionItem(resolved, cleaned.isEmpty() ? task.strip() : cleaned, due, ownerSide, span,
				found.map(Dates.Found::alternatives).orElse(List.of()));
	}

	/**
	 * A first name that fits exactly one attendee (or, else, one addressee of an email, one writer of the
	 * document's messages, or one full name the text writes it in) becomes that full name.
	 */
	private String resolveOwner(String owner) {
		List<String> matches = fitting(owner, note.attendees().stream().map(Attendee::name).toList());
		if (matches.isEmpty()) {
			matches = fitting(owner, addressees());
		}
		if (matches.isEmpty()) {
			matches = fitting(owner, authors.writers());
		}
		if (matches.isEmpty() && !owner.contains(" ")) {
			matches = fitting(owner, fullNamesWritten(owner));
		}
		return matches.size() == 1 ? matches.get(0) : owner;
	}

	private static List<String> fitting(String owner, List<String> names) {
		String first = owner.toLowerCase(Locale.ROOT) + " ";
		return names.stream()
			.filter(name -> name.equalsIgnoreCase(owner) || name.toLowerCase(Locale.ROOT).startsWith(first))
			.distinct()
			.toList();
	}

	/** "Peter Haines" for "Peter": the first name followed by a capitalised word that names someone. */
	private List<String> fullNamesWritten(String first) {
		Matcher written = Pattern.compile("(?<![\\p{L}'’-])" + Pattern.quote(first) + " (\\p{Lu}[\\p{L}'’-]+)(?![\\p{L}'’-])")
			.matcher(note.text());
		List<String> names = new ArrayList<>();
		while (written.find()) {
			if (!StatedActionReader.namesNobody(written.group(1))) {
				names.add(written.group());
			}
		}
		return names;
	}

	/** The names in the To: and Cc: lines: "Daniel Price <daniel.price@example.com>". */
	private List<String> addressees() {
		List<String> names = new ArrayList<>();
		for (Line line : note.lines()) {
			if (ADDRESS_LINE.matcher(line.content()).find()) {
				Matcher named = NAMED_ADDRESS.matcher(line.content());
				while (named.find()) {
					names.add(named.group(1).strip());
				}
			}
		}
		return names;
	}

	/**
	 * Blocks of labelled lines, one field a line: "Owner: Tariq Aziz", "Task: meet the new sponsor", "Due:
	 * 2026-01-23". A block is an action item when it names an owner and a task.
	 */
	private List<ActionItem> fieldBlocks() {
		List<ActionItem> actions = new ArrayList<>();
		Map<String, String> fields = new HashMap<>();
		Line first = null;
		Line last = null;
		for (Line line : note.lines()) {
			Matcher field = BLOCK_FIELD.matcher(line.content().strip());
			String name = field.matches() ? blockField(field.group(1)) : null;
			if (name == null || fields.containsKey(name)) {
				addBlock(fields, first, last, actions);
				fields.clear();
				first = null;
			}
			if (name != null) {
				fields.put(name, Outline.plain(field.group(2)));
				first = first == null ? line : first;
				last = line;
			}
		}
		addBlock(fields, first, last, actions);
		return actions;
	}

	private void addBlock(Map<String, String> fields, Line first, Line last, List<ActionItem> actions) {
		if (fields.containsKey("owner") && fields.containsKey("task")) {
			String task = fields.get("task") + (fields.containsKey("due") ? " by " + fields.get("due") : "");
			actions.add(action(fields.get("owner").replace("@", ""), task, Side.INTERNAL,
					note.span(first.start(), last.start() + last.text().length())));
		}
	}

	private static String blockField(String label) {
		String lower = label.toLowerCase(Locale.ROOT);
		if (lower.matches("owner|assignee|assigned to|who")) {
			return "owner";
		}
		return lower.matches("task|action|what") ? "task" : "due";
	}

	/** Rows of a Markdown table whose header names an owner and a task. */
	private List<ActionItem> tableActions() {
		List<ActionItem> actions = new ArrayList<>();
		for (Table table : note.outline().tables) {
			List<String> names = table.header().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
			int owner = indexOf(names, "owner|owners|who|assignee|assigned to|responsible|lead|person");
			int task = indexOf(names, "task|tasks|action|actions|item|items|what|next steps?|to-?do|deliverable|ask");
			int due = indexOf(names, "due|date|when|deadline|by|target|eta");
			if (owner < 0 || task < 0) {
				continue;
			}
			for (Table.Row row : table.rows()) {
				List<String> cells = row.cells();
				if (cells.get(owner).isBlank() || cells.get(task).isBlank()) {
					continue;
				}
				String taskText = cells.get(task) + (due < 0 || cells.get(due).isBlank() ? "" : " by " + cells.get(due));
				actions.add(action(Outline.plain(cells.get(owner)).replace("@", ""), Outline.plain(taskText),
						Side.INTERNAL, note.span(note.lines().get(row.line()))));
			}
		}
		return actions;
	}

	private static int indexOf(List<String> names, String words) {
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i).matches("(?i).*\\b(" + words + ")\\b.*")) {
				return i;
			}
		}
		return -1;
	}

}
