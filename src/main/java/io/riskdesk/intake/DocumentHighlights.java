package io.riskdesk.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.riskdesk.intake.ExtractionDraft.Field;
import io.riskdesk.intake.ExtractionDraft.Span;
import io.riskdesk.signal.TextSignal;

/**
 * The review page's view of the document: its text cut into segments, each carrying the ids
 * of the draft spans that cover it, and the span ids behind each field of the form, so the page
 * can light up the words a field came from. Rows are found by their text, so a row keeps its
 * highlight when the form comes back with errors, and loses it once the reviewer rewrites it.
 */
final class DocumentHighlights {

	/** A run of the document; {@code spans} is a space-separated list of ids, empty when no field came from it. */
	record Segment(String text, String spans) {

		public boolean marked() {
			return !spans.isEmpty();
		}
	}

	private final List<Segment> segments;

	private final Map<String, String> spansByField;

	private final Set<String> undatedTasks;

	private final Set<String> ownerlessTasks;

	private final Map<String, String> cautions;

	private DocumentHighlights(List<Segment> segments, Map<String, String> spansByField, Set<String> undatedTasks,
			Set<String> ownerlessTasks, Map<String, String> cautions) {
		this.segments = segments;
		this.spansByField = spansByField;
		this.undatedTasks = undatedTasks;
		this.ownerlessTasks = ownerlessTasks;
		this.cautions = cautions;
	}

	static DocumentHighlights of(ExtractionDraft draft, String text) {
		Map<Span, String> ids = new LinkedHashMap<>();
		Map<String, Set<String>> fields = new HashMap<>();
		BiConsumer<String, Span> mark = (field, span) -> {
			if (span != null) {
				String id = ids.computeIfAbsent(span, s -> "s" + ids.size());
				fields.computeIfAbsent(field, f -> new TreeSet<>()).add(id);
			}
		};
		mark.accept("account", span(draft.accountName()));
		mark.accept("arr", span(draft.contractValue()));
		mark.accept("renewal", span(draft.renewalDate() != null ? draft.renewalDate() : draft.cancellationDate()));
		mark.accept("detectedAt", span(draft.documentDate()));
		Stream.of(draft.concerns(), draft.rootCauses(), draft.resolutionOptions(), draft.customerCommitments())
			.flatMap(List::stream)
			.forEach(f -> mark.accept("description", f.span()));
		draft.concessions().forEach(c -> mark.accept("description", c.span()));
		draft.attendees().forEach(a -> mark.accept("description", a.span()));
		draft.impact().forEach(i -> {
			mark.accept("description", i.span());
			mark.accept("evidence:" + i.span().text(), i.span());
		});
		draft.concerns().forEach(c -> mark.accept("evidence:" + c.value(), c.span()));
		draft.actionItems().forEach(a -> mark.accept("action:" + a.task(), a.span()));
		draft.decisions().forEach(d -> mark.accept("decision:" + d.value(), d.span()));
		draft.followUpMeetings().forEach(m -> mark.accept("meeting:" + m.date(), m.span()));
		draft.signals().forEach(s -> mark.accept("signal:" + s.signal(), s.span()));
		Map<String, String> spansByField = fields.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> String.join(" ", e.getValue())));
		Set<String> undated = new HashSet<>();
		Set<String> ownerless = new HashSet<>();
		draft.actionItems().forEach(a -> {
			if (a.due() == null) {
				undated.add(a.task());
			}
			if (a.owner() == null) {
				ownerless.add(a.task());
			}
		});
		return new DocumentHighlights(segments(text, ids), spansByField, undated, ownerless, cautions(draft));
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	/** What the reviewer must check: dates the words leave ambiguous, values derived rather than written. */
	private static Map<String, String> cautions(ExtractionDraft draft) {
		Map<String, String> cautions = new HashMap<>();
		Field<LocalDate> renewal = draft.renewalDate() != null ? draft.renewalDate() : draft.cancellationDate();
		if (renewal != null && renewal.ambiguous()) {
			cautions.put("renewal", ambiguity(renewal.value(), renewal.alternatives()));
		}
		if (draft.contractValue() != null && draft.contractValue().note() != null) {
			cautions.put("arr", draft.contractValue().note());
		}
		draft.actionItems()
			.stream()
			.filter(a -> a.due() != null && !a.dueAlternatives().isEmpty())
			.forEach(a -> cautions.put("due:" + a.task(), ambiguity(a.due(), a.dueAlternatives())));
		return cautions;
	}

	/** "ambiguous: 6 March 2026 or 3 June 2026 - check". */
	private static String ambiguity(LocalDate proposed, List<LocalDate> alternatives) {
		return Stream.concat(Stream.of(proposed), alternatives.stream())
			.map(DAY::format)
			.collect(Collectors.joining(" or ", "ambiguous: ", " - check"));
	}

	/** Cuts the text at every span's start and end; each piece lists the spans that contain it. */
	private static List<Segment> segments(String text, Map<Span, String> ids) {
		TreeSet<Integer> cutSet = new TreeSet<>(List.of(0, text.length()));
		ids.keySet().forEach(span -> {
			cutSet.add(span.start());
			cutSet.add(span.end());
		});
		List<Integer> cuts = new ArrayList<>(cutSet);
		List<List<String>> covering = new ArrayList<>();
		cuts.forEach(cut -> covering.add(new ArrayList<>()));
		// A span covers the pieces from its start's cut to its end's: each span touches only its own pieces.
		ids.forEach((span, id) -> {
			for (int piece = Collections.binarySearch(cuts, span.start()); piece < Collections.binarySearch(cuts, span.end()); piece++) {
				covering.get(piece).add(id);
			}
		});
		List<Segment> segments = new ArrayList<>();
		for (int piece = 0; piece + 1 < cuts.size(); piece++) {
			segments.add(new Segment(text.substring(cuts.get(piece), cuts.get(piece + 1)), String.join(" ", covering.get(piece))));
		}
		return segments;
	}

	private static Span span(Field<?> field) {
		return field == null ? null : field.span();
	}

	public List<Segment> segments() {
		return segments;
	}

	/** Span ids behind a form field: account, arr, renewal, detectedAt, description. */
	public String field(String name) {
		return spansByField.get(name);
	}

	public String actionItem(String title) {
		return spansByField.get("action:" + title);
	}

	public String decision(String text) {
		return spansByField.get("decision:" + text);
	}

	public String meeting(LocalDate date) {
		return spansByField.get("meeting:" + date);
	}

	public String signal(TextSignal signal) {
		return spansByField.get("signal:" + signal);
	}

	public String evidence(String text) {
		return spansByField.get("evidence:" + text);
	}

	/** The document gives this action item no date: the one in the form is proposed. */
	public boolean dueProposed(String title) {
		return undatedTasks.contains(title);
	}

	/** Why a form field needs checking ("ambiguous: 6 March 2026 or 3 June 2026 - check"): renewal, arr; else null. */
	public String caution(String field) {
		return cautions.get(field);
	}

	/** The ambiguity of an action item's due date, or null when the document states it plainly. */
	public String dueCaution(String title) {
		return cautions.get("due:" + title);
	}

	public boolean ownerProposed(String title) {
		return ownerlessTasks.contains(title);
	}

}
