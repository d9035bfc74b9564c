package io.riskdesk.intake.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.riskdesk.intake.internal.Dates.Order;
import io.riskdesk.intake.internal.Dates.Reference;
import io.riskdesk.intake.internal.Outline.Line;

/**
 * The date each part of a document was written on, so "tomorrow" in a reply counts from the reply: a thread's
 * {@code Date:} and {@code Sent:} headers, the "On Mon, 3 Mar 2026 at 10:02, X wrote:" line above a quoted message,
 * a chat export's day separators and timestamps. Text before any of them counts from the document's date.
 */
final class MessageDates {

	private static final Pattern QUOTE = Pattern.compile("^(?:\\s*>)+");

	private static final Pattern HEADER = Pattern.compile("^(?:\\*\\*)?(?:Date|Sent):(?:\\*\\*)?\\s*(.+)$");

	/** The line above a quoted message: "On Wed, 4 Mar 2026 at 11:02, Tom Reyes wrote:". */
	static final Pattern WROTE = Pattern.compile("^(?:On|Am|Le)\\s+(.+)\\s+(?:wrote|schrieb|a écrit)\\s*:\\s*$");

	/** A chat line opening with its timestamp: "[2026-03-03 10:02]", "3/3/26, 10:02 -". */
	private static final Pattern STAMPED = Pattern.compile("^\\[?([^\\]\\-–—]{6,30}?\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[AaPp][Mm])?)\\]?");

	/** What decorates a chat day separator: "--- Monday, 3 March 2026 ---", "## Tue 4 Mar". */
	private static final Pattern DECORATION = Pattern.compile("[-=*#_~\\s,.]|\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\b");

	/**
	 * What marks a bare date line as a day separator rather than the end of a wrapped sentence
	 * ("... renewal\n2026-10-01."): rules, hashes, stars or a weekday around it.
	 */
	private static final Pattern SEPARATOR_MARK = Pattern.compile("[-=*#_~]");

	private static final Pattern WEEKDAY = Pattern
		.compile("\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\b");

	/** From line {@code line} on (at quote depth {@code depth} or deeper) the text counts from {@code reference}. */
	private record Stamp(int line, int depth, Reference reference) {
	}

	private final Outline outline;

	private final Reference document;

	private final List<Stamp> stamps = new ArrayList<>();

	MessageDates(Outline outline, LocalDate documentDate) {
		this.outline = outline;
		Order order = Dates.order(outline.text);
		this.document = documentDate == null ? null : Reference.on(documentDate).withOrder(order);
		Reference last = document;
		List<Line> lines = outline.lines;
		for (Line line : lines) {
			int depth = line.quoteDepth();
			String content = Outline.plain(QUOTE.matcher(line.text()).replaceFirst(""));
			Stamp stamp = stamp(line, depth, content, last, order);
			if (stamp != null) {
				stamps.add(stamp);
				last = stamp.reference();
			}
		}
	}

	private Stamp stamp(Line line, int depth, String content, Reference last, Order order) {
		Matcher header = HEADER.matcher(content);
		if (header.matches()) {
			return at(line.index(), depth, header.group(1), last, order);
		}
		Matcher wrote = WROTE.matcher(content);
		if (wrote.matches()) {
			// Dates the quoted message below it; pasted threads often lost their quote marks.
			int quoted = quotedDepthAfter(line);
			return at(line.index() + 1, quoted > depth ? depth + 1 : depth, wrote.group(1), last, order);
		}
		Matcher stamped = STAMPED.matcher(content);
		if (stamped.find()) {
			Stamp chat = at(line.index(), depth, stamped.group(1), last, order);
			if (chat != null) {
				return chat;
			}
		}
		if (!line.item() && !content.isEmpty() && content.length() <= 40) {
			Optional<Dates.Found> day = Dates.absolute(content, last == null ? null : last.withOrder(order));
			if (day.isPresent()) {
				String rest = content.substring(0, day.get().start()) + content.substring(day.get().end());
				if (DECORATION.matcher(rest).replaceAll("").isEmpty() && (SEPARATOR_MARK.matcher(rest).find() || WEEKDAY.matcher(content).find() || standsAlone(line))) {
					return new Stamp(line.index(), depth, new Reference(day.get().date(), null, null, order));
				}
			}
		}
		return null;
	}

	/** A line with no text right above it: not the wrapped end of a paragraph. */
	private boolean standsAlone(Line line) {
		return line.index() == 0 || outline.lines.get(line.index() - 1).blank();
	}

	private int quotedDepthAfter(Line line) {
		for (int i = line.index() + 1; i < outline.lines.size(); i++) {
			if (!outline.lines.get(i).blank()) {
				return outline.lines.get(i).quoteDepth();
			}
		}
		return 0;
	}

	/** The date, time and zone a header or timestamp states; null when it states no date. */
	private static Stamp at(int line, int depth, String words, Reference last, Order order) {
		Reference context = last == null ? null : last.withOrder(order);
		return Dates.absolute(words, context)
			.map(day -> new Stamp(line, depth, new Reference(day.date(), Dates.clock(words).orElse(null),
					Dates.zone(words).orElse(null), order)))
			.orElse(null);
	}

	/** The reference of the message that holds character {@code offset}; null when the document states no date. */
	Reference at(int offset) {
		Line line = lineAt(offset);
		int depth = line.quoteDepth();
		for (int i = stamps.size() - 1; i >= 0; i--) {
			Stamp stamp = stamps.get(i);
			if (stamp.line() <= line.index() && stamp.depth() <= depth) {
				return stamp.reference();
			}
		}
		return document;
	}

	private Line lineAt(int offset) {
		List<Line> lines = outline.lines;
		int low = 0;
		int high = lines.size() - 1;
		while (low < high) {
			int mid = (low + high + 1) >>> 1;
			if (lines.get(mid).start() <= offset) {
				low = mid;
			}
			else {
				high = mid - 1;
			}
		}
		return lines.get(low);
	}

}
