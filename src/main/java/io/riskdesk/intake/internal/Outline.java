package io.riskdesk.intake.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.riskdesk.intake.ExtractionDraft.Span;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The structure of a note: its lines, which of them are headings (Markdown headings found by
 * commonmark, {@code **Label:**} lines, plain {@code Label:} lines), list items with their
 * nesting, the section each line belongs to, the messages of an email thread and the tables.
 */
final class Outline {

	private static final Parser MARKDOWN = Parser.builder()
		.extensions(List.of(TablesExtension.create()))
		.includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES) // inlines too: table cells get their spans
		.build();

	private static final Pattern LIST_MARKER = Pattern.compile("^(\\s*)(?:[-*+•]|\\d{1,3}[.)])\\s+");

	private static final Pattern BOLD_LABEL = Pattern.compile("^\\*\\*([^*]{1,200}?):?\\*\\*:?\\s*(.*)$");

	private static final Pattern PLAIN_LABEL = Pattern.compile("^([A-Z][A-Za-z0-9'’ /&()-]{2,50}):\\s*$");

	private static final Pattern QUOTE_MARKS = Pattern.compile("^(?:\\s*>)+");

	private static final Pattern FROM = Pattern.compile("^(?:\\*\\*)?From:(?:\\*\\*)?\\s*(.+)$");

	/** One line of the note; {@code content} is the text after indentation and list marker. */
	record Line(int index, int start, String text, int indent, boolean item, int contentStart, String content,
			String label, String labelValue, Section section, int message) {

		boolean blank() {
			return text.isBlank();
		}

		boolean heading() {
			return label != null;
		}

		/** How deep the line stands in quoted replies: 2 for {@code >> text}, 0 for a line of its own. */
		int quoteDepth() {
			Matcher quote = QUOTE_MARKS.matcher(text);
			return quote.lookingAt() ? quote.group().replaceAll("\\s", "").length() : 0;
		}

	}

	/** A heading naming who took something on in the meeting: "Sarah committed to", "Priya Shah agreed to". */
	static final Pattern PROMISE = Pattern.compile(
			"^(?!(?:Actions?|Items?|Points?|Things?|Everyone|Everybody|All|We|It|This|What)\\b)[A-Z][\\w'.-]*(?: [A-Z][\\w'.-]*)? (?:committed to|agreed to|promised)$");

	/** A line that opens with a name: "Sarah: send the deck", "GlobalTech Industries: 1,200 seats". */
	static final Pattern NAMED_LINE = Pattern.compile("^([A-Z][\\w'.’]*(?: [A-Z][\\w'.’]*){0,2}):\\s+(.+)$");

	/** "Label: value" on one line. */
	static final Pattern LABELLED = Pattern.compile("^([^:]{2,60}):\\s*(.+)$");

	private static final Pattern CUSTOMER_SUBJECT = Pattern.compile("^(?:Customer|Client)\\b");

	/** What a heading says its lines are, by the words of the heading. */
	enum Section {

		CUSTOMER_COMMITMENTS("customer commitments?"),
		ACTIONS("action items?|follow-up actions|next steps|commitments|actions i'?m taking|to-?dos?|tasks"
				+ "|^(?:agreed |open |next |our |corrective )?actions?$|^asks\\b|open items|who does what|assignments|^owners$|^follow-?ups$"),
		FOLLOW_UP("^follow-?up$"),
		ATTENDEES("\\battendees\\b|\\bparticipants\\b|^present$"),
		CONCERNS("concerns|key issues|issues raised|customer requirements|pain points"),
		ROOT_CAUSE("root causes?(?! analysis)"),
		OPTIONS("options|resolution plan|recommended actions|immediate actions|long-term improvements|proposed resolution"),
		DECISIONS("^decisions?$"),
		ACCOUNT("account details|customer background|account overview|customer profile"),
		OTHER("");

		private final Pattern words;

		Section(String words) {
			this.words = Pattern.compile(words);
		}

		static Section of(String label) {
			String bare = label.replaceAll("[*_#:`]", "").strip();
			if (PROMISE.matcher(bare).matches()) {
				// What a named person took on is decided; what the customer took on is its commitment.
				return CUSTOMER_SUBJECT.matcher(bare).find() ? CUSTOMER_COMMITMENTS : DECISIONS;
			}
			String text = bare.toLowerCase(Locale.ROOT);
			for (Section section : values()) {
				if (section != OTHER && section.words.matcher(text).find()) {
					return section;
				}
			}
			return OTHER;
		}

	}

	/** An email message of a thread: where it starts and ends, its sender's role and signed name. */
	record Message(int first, int last, String from, String author) {
	}

	final String text;

	final List<Line> lines = new ArrayList<>();

	final List<Message> messages = new ArrayList<>();

	final List<Table> tables = new ArrayList<>();

	Outline(String text) {
		this.text = text;
		Set<Integer> headings = new HashSet<>();
		Set<Integer> breaks = new HashSet<>();
		MARKDOWN.parse(text).accept(new AbstractVisitor() {
			@Override
			public void visit(Heading heading) {
				mark(heading, headings);
			}

			@Override
			public void visit(ThematicBreak thematicBreak) {
				mark(thematicBreak, breaks);
			}

			@Override
			public void visit(CustomBlock block) {
				if (block instanceof TableBlock table) {
					tables.add(Table.of(table, text));
				}
			}

			private void mark(Node node, Set<Integer> set) {
				for (SourceSpan span : node.getSourceSpans()) {
					set.add(span.getLineIndex());
				}
			}
		});
		split(headings, breaks);
	}

	private void split(Set<Integer> headings, Set<Integer> breaks) {
		Line markdown = null;
		Line bold = null;
		Line plain = null;
		boolean plainHasItems = false;
		boolean messageHasFrom = false;
		int message = 0;
		int start = 0;
		for (int index = 0; start <= text.length(); index++) {
			int end = text.indexOf('\n', start);
			if (end < 0) {
				end = text.length();
			}
			String raw = text.substring(start, end);
			String trimmed = raw.strip();
			Matcher marker = LIST_MARKER.matcher(raw);
			boolean item = marker.find();
			int contentOffset = item ? marker.end() : raw.length() - raw.stripLeading().length();
			String content = raw.substring(contentOffset).stripTrailing();
			int indent = raw.length() - raw.stripLeading().length();
			String label = null;
			String value = null;
			boolean isBreak = breaks.contains(index) && !headings.contains(index);
			boolean from = !item && FROM.matcher(trimmed).matches();
			if (isBreak || from && messageHasFrom) {
				markdown = bold = plain = null;
				message++;
				messageHasFrom = false;
			}
			messageHasFrom |= from;
			Matcher boldLabel = BOLD_LABEL.matcher(trimmed);
			if (!item && headings.contains(index)) {
				label = trimmed.replaceAll("^#+\\s*|\\s*#+$", "");
				bold = plain = null;
			}
			else if (!item && boldLabel.matches()) {
				label = boldLabel.group(1).strip();
				value = boldLabel.group(2).strip();
			}
			else if (!item && PLAIN_LABEL.matcher(trimmed).matches()) {
				label = trimmed.substring(0, trimmed.length() - 1).strip();
			}
			else if (trimmed.isEmpty() && plain != null && plainHasItems) {
				plain = null; // a plain "Label:" section ends with its paragraph
			}
			Section section = Section.OTHER;
			// A plain "Label:" line inherits its heading's section; a **Label:** names its own.
			for (Line heading : new Line[] { plain, bold, markdown }) {
				if (heading != null && (heading.section() != Section.OTHER || heading == bold)) {
					section = heading.section();
					break;
				}
			}
			Section own = label == null ? section : Section.of(label);
			Line line = new Line(index, start, raw, indent, item, start + contentOffset, content, label, value,
					label == null ? section : own, message);
			if (label != null) {
				if (headings.contains(index)) {
					markdown = line;
				}
				else if (boldLabel.matches()) {
					bold = line;
					plain = null;
				}
				else {
					plain = line;
					plainHasItems = false;
				}
			}
			else if (!trimmed.isEmpty() && plain != null) {
				plainHasItems = true;
			}
			lines.add(line);
			start = end + 1;
		}
		findMessages();
	}

	private void findMessages() {
		int first = 0;
		for (int i = 0; i <= lines.size(); i++) {
			if (i == lines.size() || lines.get(i).message() != lines.get(first).message()) {
				String from = null;
				for (int j = first; j < i && from == null; j++) {
					Matcher m = FROM.matcher(lines.get(j).text().strip());
					if (m.matches()) {
						from = m.group(1).replace("*", "").replaceAll("<[^>]*>", "").strip();
					}
				}
				if (from != null) {
					messages.add(new Message(first, i - 1, from, signature(first, i - 1, from)));
				}
				first = i;
			}
		}
	}

	/** The name a message is signed with: its last line, or the line above when the last repeats the sender's role. */
	private String signature(int first, int last, String from) {
		List<String> tail = new ArrayList<>();
		for (int i = last; i >= first && tail.size() < 2; i--) {
			String line = lines.get(i).text().strip();
			if (!line.isEmpty()) {
				tail.add(line);
			}
		}
		if (tail.isEmpty()) {
			return null;
		}
		String display = from;
		String closing = tail.get(0);
		String name = closing.equalsIgnoreCase(display) && tail.size() > 1 ? tail.get(1)
				: tail.contains(display) || display.startsWith(closing + " ") ? display : closing;
		return name.matches("[A-Z][a-z]+(?: [A-Z][a-z'-]+){0,2}") ? name : null;
	}

	Span span(int start, int end) {
		return new Span(start, end, text.substring(start, end));
	}

	/** The line's content: after indentation and list marker, without trailing spaces. */
	Span span(Line line) {
		return span(line.contentStart(), line.contentStart() + line.content().length());
	}

	Message messageOf(Line line) {
		return messages.stream()
			.filter(m -> m.first() <= line.index() && line.index() <= m.last())
			.findFirst()
			.orElse(null);
	}

	/** Markdown emphasis and code marks removed, spaces collapsed. */
	static String plain(String markdown) {
		return markdown.replaceAll("\\*\\*|__|`", "").replaceAll("\\s+", " ").strip();
	}

	/**
	 * How a value read from {@link #plain} (or otherwise unmarked) text may be written in the document: with
	 * emphasis and code marks between its characters, and any run of spaces and marks for each of its spaces.
	 */
	static Pattern asWritten(String plain) {
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < plain.length(); i = plain.offsetByCodePoints(i, 1)) {
			int c = plain.codePointAt(i);
			if (i > 0) {
				regex.append("[*_`]*");
			}
			regex.append(c == ' ' ? "[\\s*_`]+" : Pattern.quote(Character.toString(c)));
		}
		return Pattern.compile(regex.toString());
	}

}
