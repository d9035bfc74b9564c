package io.riskdesk.intake.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.riskdesk.intake.ExtractionDraft.Attendee;
import io.riskdesk.intake.ExtractionDraft.Side;
import io.riskdesk.intake.ExtractionDraft.Span;
import io.riskdesk.intake.internal.Outline.Line;
import io.riskdesk.intake.internal.Outline.Section;

/**
 * Who took part: an attendee list ("Customer: John Smith, CTO (ABC Corp)", "Sarah Martinez, Customer
 * Success Manager", "Customer Success Manager: Alex Johnson"), else the senders of an email thread,
 * else the speakers of a chat. A company in parentheses marks a customer and names the account.
 */
final class AttendeeReader {

	private static final Pattern GROUP_LABEL = Pattern
		.compile("(?i)customers?|client|account team|internal|vendor|our team|team|attendees");

	private static final Pattern TITLE_WORDS = Pattern.compile(
			"(?i)\\b(manager|executive|engineer|lead|director|officer|vp|president|counsel|cto|ceo|cfo|coo|cio|ciso|head|advocate|representative|architect|analyst|specialist|consultant|sponsor|admin|owner|success|csm|ae|tam|se|pm)\\b");

	private static final Pattern PERSON = Pattern.compile("\\p{Lu}[\\p{Ll}'’-]+(?: \\p{Lu}[\\p{Ll}'’-]+){0,2}");

	private static final Pattern INLINE_ATTENDEES = Pattern
		.compile("^(?:\\*\\*)?(?:Attendees|Participants)(?:\\*\\*)?:(?:\\*\\*)?\\s*(.+)$");

	/** "[10:42] Priya Shah: ...", "[2026-01-14 09:02] jonas.berg: ...": a chat line and its speaker, name or handle. */
	static final Pattern CHAT_SPEAKER = Pattern
		.compile("^\\[[^\\]]{4,30}\\]\\s*(@?[a-z][\\w.-]*[a-z0-9]|[A-Z][\\w'-]+(?: [A-Z][\\w'-]+){0,2}):\\s*");

	private static final Pattern DOTTED_HANDLE = Pattern.compile("@?([a-z]+)(?:[._-]([a-z]+))*");

	private static final Pattern LABELLED_PERSON = Pattern.compile("^([^:,()]{2,40}):\\s*(.+)$");

	private static final Pattern TRAILING_PAREN = Pattern.compile("^(.*?)\\s*\\(([^)]*)\\)\\s*$");

	private final Outline outline;

	private final String text;

	private final List<Attendee> attendees = new ArrayList<>();

	private final List<String> organisations = new ArrayList<>();

	AttendeeReader(Outline outline) {
		this.outline = outline;
		this.text = outline.text;
		read();
	}

	List<Attendee> attendees() {
		return List.copyOf(attendees);
	}

	/** Companies named in parentheses after customer attendees, in document order. */
	List<String> organisations() {
		return List.copyOf(organisations);
	}

	private Span span(int start, int end) {
		return outline.span(start, end);
	}

	private void read() {
		for (Line line : outline.lines) {
			if (line.section() != Section.ATTENDEES || line.heading() && line.labelValue() == null) {
				continue;
			}
			String content = line.heading() ? line.labelValue() : line.content();
			if (!content.isBlank()) {
				attendeeLine(line, content);
			}
		}
		for (Line line : outline.lines) {
			Matcher inline = INLINE_ATTENDEES.matcher(line.content());
			if (!line.heading() && inline.matches()) {
				attendeeLine(line, inline.group(1));
			}
		}
		if (attendees.isEmpty()) {
			for (Outline.Message message : outline.messages) {
				Span signed = message.author() == null ? null : lastIn(message, message.author());
				if (signed != null && attendees.stream().noneMatch(a -> a.name().equals(message.author()))) {
					String role = message.from().equals(message.author()) ? null : message.from();
					attendees.add(new Attendee(message.author(), role, Side.INTERNAL, signed));
				}
			}
		}
		if (attendees.isEmpty()) {
			// A chat export: whoever speaks.
			for (Line line : outline.lines) {
				Matcher speaker = CHAT_SPEAKER.matcher(line.content());
				if (speaker.find() && attendees.stream().noneMatch(a -> a.name().equals(nameOf(speaker.group(1))))) {
					int at = line.contentStart() + speaker.start(1);
					attendees.add(new Attendee(nameOf(speaker.group(1)), null, Side.INTERNAL,
							span(at, at + speaker.group(1).length())));
				}
			}
		}
	}

	/**
	 * A chat handle as the name it stands for: "jonas.berg" is Jonas Berg, "maria" Maria; another handle
	 * ("jb2") stays as written, for the directory's handles to match.
	 */
	static String nameOf(String handle) {
		String bare = handle.startsWith("@") ? handle.substring(1) : handle;
		if (!DOTTED_HANDLE.matcher(bare).matches()) {
			return bare;
		}
		StringBuilder name = new StringBuilder();
		for (String part : bare.split("[._-]")) {
			name.append(name.isEmpty() ? "" : " ").append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
		}
		return name.toString();
	}

	/** Where the message last names {@code value}, or null. */
	private Span lastIn(Outline.Message message, String value) {
		Line last = outline.lines.get(message.last());
		Matcher m = Outline.asWritten(value).matcher(text)
			.region(outline.lines.get(message.first()).start(), last.start() + last.text().length());
		Span span = null;
		while (m.find()) {
			span = span(m.start(), m.end());
		}
		return span;
	}

	private void attendeeLine(Line line, String content) {
		String cleaned = Outline.plain(content).replaceAll("(?i)\\s*\\((?:remote|virtual|in person|on-site)\\)", "");
		int base = line.start() + line.text().indexOf(content);
		Matcher labelled = LABELLED_PERSON.matcher(cleaned);
		if (labelled.matches() && GROUP_LABEL.matcher(labelled.group(1).strip()).matches()) {
			Side side = labelled.group(1).strip().toLowerCase(Locale.ROOT).matches("customers?|client") ? Side.CUSTOMER
					: Side.INTERNAL;
			for (String person : people(labelled.group(2))) {
				person(person, null, side, base);
			}
		}
		else if (labelled.matches()) {
			String role = labelled.group(1).strip();
			String lower = role.toLowerCase(Locale.ROOT);
			Side side = (lower.startsWith("customer") || lower.startsWith("client")) && !lower.startsWith("customer success")
					? Side.CUSTOMER : Side.INTERNAL;
			person(labelled.group(2), role, side, base);
		}
		else {
			List<String> parts = people(cleaned);
			for (String person : parts) {
				person(person, null, Side.INTERNAL, base);
			}
		}
	}

	/** "A (Role), B (Role)" or "Name, Title (Company)": commas outside parentheses, a title joined to its name. */
	private static List<String> people(String list) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		StringBuilder part = new StringBuilder();
		for (char c : list.toCharArray()) {
			depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
			if ((c == ',' || c == ';') && depth == 0) {
				add(parts, part.toString());
				part.setLength(0);
			}
			else {
				part.append(c);
			}
		}
		add(parts, part.toString());
		return parts;
	}

	private static void add(List<String> parts, String part) {
		String p = part.strip();
		if (p.isEmpty()) {
			return;
		}
		String head = p.replaceAll("\\s*\\(.*", "");
		boolean title = !PERSON.matcher(head).matches() || TITLE_WORDS.matcher(head).find();
		if (title && !parts.isEmpty()) {
			parts.set(parts.size() - 1, parts.get(parts.size() - 1) + ", " + p);
		}
		else {
			parts.add(p);
		}
	}

	private void person(String description, String role, Side side, int searchFrom) {
		String name = description.strip();
		String organisation = null;
		Matcher paren = TRAILING_PAREN.matcher(name);
		if (paren.matches()) {
			name = paren.group(1);
			if (TITLE_WORDS.matcher(paren.group(2)).find()) {
				role = role == null ? paren.group(2).strip() : role;
			}
			else {
				organisation = paren.group(2).strip();
			}
		}
		int comma = name.indexOf(',');
		if (comma > 0) {
			role = role == null ? name.substring(comma + 1).strip() : role;
			name = name.substring(0, comma).strip();
		}
		if (name.isEmpty()) {
			return;
		}
		if (organisation != null) {
			side = Side.CUSTOMER;
			organisations.add(organisation);
		}
		// The name was read from plain text: the document may have more spaces or emphasis marks in it.
		// One it does not contain as such (words around a dropped "(remote)") is no name.
		Matcher written = Outline.asWritten(name).matcher(text);
		if (written.find(searchFrom)) {
			attendees.add(new Attendee(name, role, side, span(written.start(), written.end())));
		}
	}

}
