package io.riskdesk.intake.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.riskdesk.intake.ExtractionDraft.ActionItem;
import io.riskdesk.intake.ExtractionDraft.Attendee;
import io.riskdesk.intake.ExtractionDraft.Side;
import io.riskdesk.intake.ExtractionDraft.Span;
import io.riskdesk.intake.internal.Outline.Line;
import io.riskdesk.intake.internal.Outline.Section;

/**
 * Action items written as people write asks, wherever they stand: "Dana (SRE) to ship the fix by Friday",
 * "Ravi will publish the report", "I'll send the deck" (the author's), "@maria can you send the logs by
 * Friday?", "Ship the fix - Dana", "Dana: ship the fix (due March 6)", and every item of a list a lead-in
 * announces ("Next, we need to:"). A fact, a past action ("we restarted the cluster"), a question that asks
 * nobody and a heading are none.
 */
final class StatedActionReader {

	/** A name of one to three words, each capitalised or in a script without case: "Søren Ødegaard", "田中 太郎". */
	private static final String NAME = "(?:\\p{Lu}[\\p{L}'’-]+|\\p{Lo}+)(?: (?:\\p{Lu}[\\p{L}'’-]+|\\p{Lo}+)){0,2}";

	/** A person as written: a name of one to three capitalised words, or a chat mention. */
	private static final String WHO = "(@[A-Za-z][\\w.-]*[A-Za-z0-9]|" + NAME + ")";

	/** What follows "will" or "to" in a prediction or a state rather than a task. */
	private static final String NO_TASK = "(?!(?:(?<!(?:agreed|committed|promised) to )be|not|never|probably|likely|need|lose|miss|see|try"
			+ "|get back)\\b|have (?:to|been|had)\\b)";

	private static final Pattern FIRST_PERSON = Pattern.compile("(?i)(?:^|[,;:]\\s*|\\b(?:and|so|then|ok|okay|sure|also)\\s+)"
			+ "(?:I[’']ll|I will|I[’']m going to|I am going to|I can|we[’']ll|we will|we[’']re going to|we are going to|let me)\\s+"
			+ "(?:also\\s+)?" + NO_TASK + "(.+)$");

	/** A later clause where the writer takes something on: "..., and I'll confirm the date". */
	private static final Pattern WRITER_CLAUSE = Pattern
		.compile("(?i)^(?:I[’']ll|I will|I[’']m going to|I am going to)\\s+(?:also\\s+)?" + NO_TASK + "(.+)$");

	/** An offer on a condition the reader sets is no commitment: "If you want to discuss it, I can take a call". */
	private static final Pattern CONDITIONAL = Pattern
		.compile("(?i)^(?:if|in case|should)\\s+(?:you|they|anyone|needed|helpful|useful|required|necessary)\\b");

	/** An ask to whoever the message greets: "Please send us a plan", "On your side, could you send the list". */
	private static final Pattern ASK = Pattern.compile("(?i)^(?:[\\p{L} ]{1,30},\\s*)?(?:please|kindly|could you|can you|would you|will you)"
			+ "\\s+(?:please\\s+)?(?!(?:treat|note|find|see|be|let|feel|accept|consider|bear|excuse|forgive|do not|don[’']t"
			+ "|keep|understand|ignore|disregard)\\b)(.+)$");

	/** A message's greeting naming one person: "Hi Jamal,", "Dear Dana Cole,", "Ella,". */
	private static final Pattern GREETING = Pattern.compile("^(?:(?:Hi|Hello|Hey|Dear)\\s+)?(?!(?:Best|Regards|Cheers|Thanks|Sincerely"
			+ "|Team|All|Everyone|Folks|Colleagues)\\b)(\\p{Lu}[\\p{L}'’-]+(?: \\p{Lu}[\\p{L}'’-]+)?)\\s*[,:!]$");

	private static final Pattern ASSIGNED = Pattern.compile("^(?:(?:ok|okay|so|and|also|then)[, ]+)?" + WHO
			+ "(?:\\s*\\(([^)]{1,60})\\))?(?:\\s+(?:from|on) (?:our|their|your) side)?,?\\s+(to|will|is to|agreed to|committed to"
			+ "|promised to|is going to|needs to|has to|said (?:he|she|they) (?:would|will)"
			+ "|owns|can you|could you|would you|please|pls)\\s+" + NO_TASK + "(.+)$");

	/** "We asked Peter to send the export, and he promised it by Wednesday": the ask, and the date its owner promised. */
	private static final Pattern ASKED = Pattern.compile("^(?:[Ww]e|I)\\s+(?:asked|told|requested)\\s+" + WHO + "\\s+to\\s+" + NO_TASK + "(.+)$");

	private static final Pattern PROMISED = Pattern
		.compile("(?i)^[\\s,;]*(?:and|but)?\\s*(?:he|she|they)\\s+(?:promised|agreed|committed|confirmed)\\b(.*)$");

	private static final Pattern MENTIONED = Pattern.compile("^(@[A-Za-z][\\w.-]*[A-Za-z0-9])[,:]?\\s+(.+)$");

	private static final Pattern TASK_THEN_OWNER = Pattern
		.compile("^(.{3,}?)\\s+[-–—]\\s+" + WHO + "(?:\\s*(?:[,(]|\\bby\\b)\\s*(.+?)\\)?)?[.]?$");

	/** "Oliver Grant - book the review", "Owen Park -> review the comments": a person, a dash or an arrow, the task. */
	private static final Pattern OWNER_DASH_TASK = Pattern
		.compile("^" + WHO + "(?:\\s*\\(([^)]{1,60})\\))?\\s+(?:[-–—]|->|→)\\s+(.+)$");

	/** "Security on-call (Kwame Asante) - rotate the tokens": a role, the person in brackets, the task. */
	private static final Pattern ROLE_THEN_OWNER = Pattern
		.compile("^[\\p{L} /&'-]{2,40}?\\s*\\((" + NAME + ")\\)\\s*(?:[-–—:]|->|→)\\s+(.+)$");

	/** One chat message assigning several: "@rahul post the status, @chen open the ticket". */
	private static final Pattern NEXT_MENTION = Pattern.compile("(?:,|;|\\s+and)\\s+(?=@[A-Za-z])");

	private static final Pattern PLEASE = Pattern.compile("(?i),?\\s*\\b(?:please|pls|plz)\\b,?");

	/** "(me)", "(CSM)" after a mention: who, not what. */
	private static final Pattern BRACKETED = Pattern.compile("^\\([^)]{1,60}\\)\\s*");

	/** "Ama Boateng restores the sync within 48 hours" in a plan's list: a person and what they do, in the present. */
	private static final Pattern OWNER_DOES = Pattern.compile("^" + WHO
			+ "\\s+(?!(?:is|was|has|does|says|seems|feels|thinks|wants|needs|remains|reports|looks|agrees|uses|loves|hates)\\b)"
			+ "([a-z]{2,}s)\\s+(.+)$");

	private static final Pattern OWNER_THEN_TASK = Pattern.compile("^" + WHO + "(?:\\s*\\(([^)]{1,60})\\))?:\\s+(.+)$");

	/** A lead-in that announces a list of tasks: "Next, we need to:", "Going forward:", "Asks for the team:". */
	private static final Pattern LEAD_IN = Pattern.compile(
			"(?i)\\b(next steps?|next,|to-?dos?|to do|follow[- ]?ups?|actions?|asks?|owners?|deliverables?|agreed|will|need(?:s)? to|going forward|who does what|assignments?|open items|tasks?)\\b");

	private static final Pattern PAST_LEAD_IN = Pattern.compile("(?i)\\b(taken|done|completed|so far|happened|timeline|was|were|did)\\b");

	private static final Pattern FIRST_PERSON_LEAD_IN = Pattern.compile("(?i)\\b(I'?ll|I will|I'm|I am|my)\\b");

	private static final Pattern HEADER = Pattern.compile("(?i)^(?:from|to|cc|bcc|subject|date|sent|re|fwd?):");

	private static final Pattern QUOTE = Pattern.compile("^(?:>\\s?)+");

	/** A sentence ends at a stop before a blank; "rahul.mehta" and "v2.1" go on. */
	private static final Pattern SENTENCE = Pattern.compile("(?:[^.!?]|[.!?]+(?![\\s.!?]|$))+(?:[.!?]+(?=\\s|$)|$)");

	private static final Pattern NEXT_CLAUSE = Pattern
		.compile("(?i)(?:,|;|\\s+(?:and|but|then|while))\\s+(?=(?:I|we|you|he|she|they|@\\w+)\\b)");

	private static final Pattern LIST_MARKER = Pattern.compile("^(?:[-*+•]|\\d{1,3}[.)])\\s+");

	/** Capitalised words that start sentences without naming a person: "The customer will...", "Renewal will slip". */
	private static final Set<String> NOT_PEOPLE = Set.of("the", "this", "that", "these", "those", "it", "we", "they", "he",
			"she", "you", "i", "customer", "client", "team", "everyone", "everybody", "nobody", "someone", "renewal", "support",
			"engineering", "product", "legal", "finance", "management", "leadership", "which", "what", "who", "there", "here",
			"if", "when", "next", "then", "also", "and", "but", "so", "our", "their", "your", "my", "his", "her", "its",
			"account", "contract", "usage", "adoption", "revenue", "churn", "migration", "release", "deployment", "fix",
			"patch", "issue", "ticket", "meeting", "call", "status", "impact", "note", "notes", "update", "summary", "risk",
			"action", "actions", "owner", "due", "decision", "decisions", "concern", "concerns", "root", "cause", "option",
			"options", "subject", "date", "from", "attendees", "background", "context", "agenda", "outcome", "result",
			"results", "timeline", "severity", "priority", "goal", "goals", "problem", "question", "answer", "thanks",
			"hi", "hello", "please", "ok", "okay", "yes", "no", "all", "both", "each", "any", "some", "many", "most", "none",
			"one", "two", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow",
			"arr", "nps", "csat", "sla", "q1", "q2", "q3", "q4", "eod", "cob", "fyi", "asap", "tbd", "n/a");

	/** Sections whose lines say something else than who does what. */
	private static final Set<Section> NOT_ACTIONS = EnumSet.of(Section.ATTENDEES, Section.CONCERNS, Section.ROOT_CAUSE,
			Section.DECISIONS, Section.OPTIONS, Section.ACCOUNT, Section.CUSTOMER_COMMITMENTS, Section.FOLLOW_UP);

	/** Who does what, as a sentence states it; {@code owner} null when it names nobody. */
	record Stated(String owner, String task) {
	}

	private final Note note;

	private final Authors authors;

	private final ActionItemReader reader;

	StatedActionReader(Note note, Authors authors, ActionItemReader reader) {
		this.note = note;
		this.authors = authors;
		this.reader = reader;
	}

	/** The stated actions of the lines no other rule has read ({@code taken} lists the spans already read). */
	List<ActionItem> actionItems(List<Span> taken) {
		List<ActionItem> actions = new ArrayList<>();
		Line leadIn = null;
		List<Line> lines = note.lines();
		String carried = null;
		int carriedStart = 0;
		for (int index = 0; index < lines.size(); index++) {
			Line line = lines.get(index);
			// The start of a sentence the line before wrapped onto this one.
			String carry = carried;
			carried = null;
			String content = QUOTE.matcher(line.content()).replaceFirst("");
			Matcher marker = LIST_MARKER.matcher(content);
			boolean item = line.item() || marker.find();
			int offset = line.content().length() - content.length() + (item && !line.item() ? marker.end() : 0);
			content = line.content().substring(offset);
			if (line.blank() || !item && leadIn != null && line.indent() <= leadIn.indent()) {
				leadIn = null;
			}
			if (line.heading() || line.blank() || NOT_ACTIONS.contains(line.section()) || HEADER.matcher(content).find()
					|| overlaps(line, taken)) {
				continue;
			}
			if (!item && content.endsWith(":") && LEAD_IN.matcher(content).find() && !PAST_LEAD_IN.matcher(content).find()) {
				leadIn = line;
				continue;
			}
			// Items of an action section the action reader read; its prose is read here.
			if (item && line.section() == Section.ACTIONS) {
				continue;
			}
			String author = authors.of(line);
			Matcher speaker = AttendeeReader.CHAT_SPEAKER.matcher(content);
			int from = speaker.find() ? speaker.end() : 0;
			boolean listed = item && leadIn != null;
			String leadInOwner = listed && FIRST_PERSON_LEAD_IN.matcher(leadIn.content()).find() ? author : null;
			boolean wraps = !item && index + 1 < lines.size() && wrapsOnto(line, lines.get(index + 1), taken);
			Matcher sentence = SENTENCE.matcher(content).region(from, content.length());
			while (sentence.find()) {
				String text = sentence.group().strip();
				int start = line.contentStart() + offset + sentence.start() + leadingBlanks(sentence.group());
				int end = start + text.length();
				if (carry != null) {
					text = carry + " " + text;
					start = carriedStart;
					carry = null;
				}
				if (wraps && sentence.end() == content.length() && !text.matches(".*[.!?]$")) {
					carried = text;
					carriedStart = start;
					continue;
				}
				List<String> assignments = assignments(text);
				if (assignments.size() > 1) {
					for (String assignment : assignments) {
						Matcher mentioned = MENTIONED.matcher(assignment);
						mentioned.matches();
						int at = start + text.indexOf(assignment);
						actions.add(reader.action(owner(mentioned.group(1)),
								task(BRACKETED.matcher(mentioned.group(2)).replaceFirst("")), Side.INTERNAL,
								note.span(at, at + assignment.length())));
					}
					continue;
				}
				Dates.Reference written = note.referenceAt(line.contentStart());
				Optional<Stated> stated = stated(text, author, item, written);
				if (stated.isEmpty() && listed) {
					stated = Optional.of(new Stated(leadInOwner, text));
				}
				if (stated.isEmpty() && !item) {
					stated = asked(text, line, written);
				}
				Span span = note.span(start, end);
				if (stated.isPresent()) {
					actions.add(reader.action(stated.get().owner(), stated.get().task(), Side.INTERNAL, span));
					for (String task : writerClauses(text, author, stated.get().task())) {
						actions.add(reader.action(author, task, Side.INTERNAL, span));
					}
				}
				else if (!item) {
					// "He asked for an engineer on site; Fatima Noor agreed to be on site on March 2."
					for (Stated clause : statedClauses(text, author, written)) {
						actions.add(reader.action(clause.owner(), clause.task(), Side.INTERNAL, span));
					}
				}
			}
		}
		return actions;
	}

	/** Who does what in each clause of a sentence whose clauses a semicolon joins. */
	private List<Stated> statedClauses(String sentence, String author, Dates.Reference written) {
		String[] clauses = sentence.split(";");
		List<Stated> found = new ArrayList<>();
		for (int i = 0; clauses.length > 1 && i < clauses.length; i++) {
			stated(clauses[i].strip(), author, false, written).ifPresent(found::add);
		}
		return found;
	}

	/** " by Wednesday" when the words after the task are its owner's promise of a date ("and he promised it by Wednesday"). */
	private static String promisedDate(String rest, Dates.Reference written) {
		Matcher promised = PROMISED.matcher(rest);
		if (!promised.matches()) {
			return "";
		}
		Optional<Dates.Found> due = Dates.due(promised.group(1), written);
		if (due.isEmpty()) {
			return "";
		}
		String phrase = promised.group(1).substring(due.get().start(), due.get().end());
		return Dates.opensWithin(phrase) ? " " + phrase : " by " + phrase;
	}

	/** "Please send us a written plan by Friday" in a message greeting one person: a dated ask to that person. */
	private Optional<Stated> asked(String sentence, Line line, Dates.Reference written) {
		Matcher ask = ASK.matcher(Outline.plain(sentence).replaceAll("[?!.]+$", "").strip());
		if (!ask.matches() || Dates.due(ask.group(1), written).isEmpty()) {
			return Optional.empty();
		}
		String greeted = greeted(line);
		return greeted == null ? Optional.empty() : Optional.of(new Stated(greeted, task(ask.group(1))));
	}

	/** The person the greeting of the (quoted) message holding the line names, or null. */
	private String greeted(Line line) {
		int depth = line.quoteDepth();
		for (int i = line.index() - 1; i >= 0; i--) {
			Line above = note.lines().get(i);
			String content = QUOTE.matcher(above.content()).replaceFirst("").strip();
			if (above.message() != line.message() || above.quoteDepth() != depth && !above.blank() || HEADER.matcher(content).find()) {
				return null;
			}
			Matcher greeting = GREETING.matcher(content);
			if (greeting.matches()) {
				return greeting.group(1);
			}
		}
		return null;
	}

	/**
	 * The tasks the writer takes on in the sentence's later clauses ("Wei will deploy it, and I'll confirm the date",
	 * "I'll send the credits and I will also set up a review"), other than {@code first}, the one already read.
	 */
	private static List<String> writerClauses(String sentence, String author, String first) {
		if (author == null) {
			return List.of();
		}
		String[] clauses = NEXT_CLAUSE.split(Outline.plain(sentence).replaceAll("[?!]+$", "").strip());
		List<String> tasks = new ArrayList<>();
		for (int i = 1; i < clauses.length; i++) {
			Matcher writer = WRITER_CLAUSE.matcher(clauses[i].strip());
			if (writer.matches() && !task(writer.group(1)).equals(first)) {
				tasks.add(task(writer.group(1)));
			}
		}
		return tasks;
	}

	/** Whether {@code next} goes on with the prose of {@code line}: same message, quote depth and kind of line. */
	private static boolean wrapsOnto(Line line, Line next, List<Span> taken) {
		Matcher quote = QUOTE.matcher(line.content());
		Matcher nextQuote = QUOTE.matcher(next.content());
		String depth = quote.lookingAt() ? quote.group().strip() : "";
		String nextDepth = nextQuote.lookingAt() ? nextQuote.group().strip() : "";
		String content = next.content().substring(nextQuote.lookingAt() ? nextQuote.end() : 0);
		return !next.blank() && !next.heading() && !next.item() && next.message() == line.message()
				&& next.section() == line.section() && depth.equals(nextDepth) && !content.isBlank()
				&& !LIST_MARKER.matcher(content).find() && !HEADER.matcher(content).find()
				&& !AttendeeReader.CHAT_SPEAKER.matcher(content).find() && !overlaps(next, taken);
	}

	/** The clauses of a sentence when every one of them opens with a mention, else the sentence alone. */
	private static List<String> assignments(String sentence) {
		List<String> clauses = List.of(NEXT_MENTION.split(sentence.replaceAll("[.!]+$", "")));
		return clauses.stream().allMatch(clause -> MENTIONED.matcher(clause).matches()) ? clauses : List.of(sentence);
	}

	private static int leadingBlanks(String text) {
		return text.length() - text.stripLeading().length();
	}

	private static boolean overlaps(Line line, List<Span> taken) {
		int end = line.start() + line.text().length();
		return taken.stream().anyMatch(span -> span.start() < end && line.start() < span.end());
	}

	/**
	 * Who does what in one sentence, or empty when it states no task. A bare name heads a task only in a list
	 * item, or when the name is an attendee's or dated ("Dana: ship the fix by Friday"); {@code written} is
	 * what the sentence's dates count from.
	 */
	Optional<Stated> stated(String sentence, String author, boolean item, Dates.Reference written) {
		String text = Outline.plain(sentence).replaceAll("[?!]+$", "").strip();
		if (CONDITIONAL.matcher(text).find()) {
			return Optional.empty();
		}
		// The person the sentence opens with owns it: in "Wei will deploy it, and I'll confirm the date" the
		// writer's part is another clause.
		Matcher assigned = ASSIGNED.matcher(text);
		// A bare "X to ..." heads a task only for a known person ("Damage to internal confidence" is no ask).
		boolean bareTo = assigned.matches() && assigned.group(3).equals("to");
		if (assigned.matches() && person(assigned.group(1), assigned.group(2) != null || item && !bareTo, text, written)) {
			return Optional.of(new Stated(owner(assigned.group(1)), task(assigned.group(4))));
		}
		Matcher asked = ASKED.matcher(text);
		if (asked.matches() && person(asked.group(1), true, asked.group(2), written)) {
			String task = task(asked.group(2));
			String rest = asked.group(2).substring(NEXT_CLAUSE.split(asked.group(2), 2)[0].length());
			return Optional.of(new Stated(owner(asked.group(1)), task + promisedDate(rest, written)));
		}
		Matcher firstPerson = FIRST_PERSON.matcher(text);
		if (firstPerson.find() && author != null) {
			return Optional.of(new Stated(author, task(firstPerson.group(1))));
		}
		Matcher mentioned = MENTIONED.matcher(text);
		// "@maria send the logs by Friday", "@hana customer comms every 30 min please": dated or asked.
		if (mentioned.matches() && (Dates.due(mentioned.group(2), written).isPresent() || PLEASE.matcher(mentioned.group(2)).find())) {
			return Optional.of(new Stated(owner(mentioned.group(1)),
					task(PLEASE.matcher(mentioned.group(2)).replaceAll(" ").strip())));
		}
		if (!item) {
			return Optional.empty();
		}
		Matcher ownerFirst = OWNER_THEN_TASK.matcher(text);
		if (ownerFirst.matches() && person(ownerFirst.group(1), ownerFirst.group(2) != null, ownerFirst.group(3), written)) {
			return Optional.of(new Stated(owner(ownerFirst.group(1)), task(ownerFirst.group(3))));
		}
		Matcher ownerLast = TASK_THEN_OWNER.matcher(text);
		if (ownerLast.matches() && person(ownerLast.group(2), false, text, written)) {
			String due = ownerLast.group(3) == null ? "" : " by " + ownerLast.group(3).replaceFirst("(?i)^(?:by|due)\\s+", "");
			return Optional.of(new Stated(owner(ownerLast.group(2)), task(ownerLast.group(1)) + due));
		}
		Matcher dashed = OWNER_DASH_TASK.matcher(text);
		if (dashed.matches() && person(dashed.group(1), dashed.group(2) != null, dashed.group(3), written)) {
			return Optional.of(new Stated(owner(dashed.group(1)), task(dashed.group(3))));
		}
		Matcher does = OWNER_DOES.matcher(text);
		// Only a full name or an attendee's: "API issues resolved by Friday" is no one doing anything.
		if (does.matches() && (does.group(1).contains(" ") || attendee(does.group(1))) && !does.group(1).matches(".*\\p{Lu}{2}.*")
				&& person(does.group(1), false, does.group(3), written)) {
			return Optional.of(new Stated(owner(does.group(1)), task(does.group(2) + " " + does.group(3))));
		}
		Matcher role = ROLE_THEN_OWNER.matcher(text);
		if (role.matches() && person(role.group(1), false, role.group(2), written)) {
			return Optional.of(new Stated(role.group(1), task(role.group(2))));
		}
		return Optional.empty();
	}

	/**
	 * Whether the words name a person: a mention, an attendee, or capitalised words none of which starts
	 * sentences; one unknown word only when {@code trusted} (a list item, a role after it) or the task is dated.
	 */
	private boolean person(String who, boolean trusted, String task, Dates.Reference written) {
		if (who.startsWith("@") || attendee(who)) {
			return true;
		}
		String[] words = who.toLowerCase(Locale.ROOT).split(" ");
		for (String word : words) {
			if (NOT_PEOPLE.contains(word)) {
				return false;
			}
		}
		return words.length > 1 || trusted || Dates.due(task, written).isPresent();
	}

	/** Whether a capitalised word is one that opens sentences rather than names someone ("Friday", "The"). */
	static boolean namesNobody(String word) {
		return NOT_PEOPLE.contains(word.toLowerCase(Locale.ROOT));
	}

	private boolean attendee(String who) {
		String lower = who.toLowerCase(Locale.ROOT);
		for (Attendee attendee : note.attendees()) {
			String name = attendee.name().toLowerCase(Locale.ROOT);
			if (name.equals(lower) || name.startsWith(lower + " ")) {
				return true;
			}
		}
		return false;
	}

	private static String owner(String who) {
		return who.startsWith("@") ? AttendeeReader.nameOf(who) : who;
	}

	/** The task up to where the sentence goes on to another subject: "send the plan by Wednesday and we will ...". */
	private static String task(String words) {
		String task = NEXT_CLAUSE.split(words, 2)[0];
		return task.strip().replaceAll("[.?!,;]+$", "").strip();
	}

}
