package io.riskdesk.intake.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.riskdesk.intake.ExtractionDraft.Concession;
import io.riskdesk.intake.ExtractionDraft.ConcessionStatus;
import io.riskdesk.intake.ExtractionDraft.Field;
import io.riskdesk.intake.internal.Note.Item;
import io.riskdesk.intake.internal.Outline.Line;
import io.riskdesk.intake.internal.Outline.Section;

/** What was decided, and the concessions with the status the decisions give them. */
final class DecisionReader {

	/** An approval among the actions is a decision taken, not a task. */
	static final Pattern APPROVED = Pattern.compile("(?i)\\bapproved\\b");

	private static final Pattern DECISION_LINE = Pattern.compile("(?i)^(?:decisions?|decided):\\s*(.+)$");

	private static final Pattern CONCESSION_WORDS = Pattern.compile("(?i)credit|concession|waiver|discount|refund");

	private static final Pattern OPTION_NUMBER = Pattern.compile("(?i)option (\\d{1,2})");

	private final Note note;

	DecisionReader(Note note) {
		this.note = note;
	}

	List<Field<String>> decisions() {
		List<Field<String>> decisions = new ArrayList<>();
		for (Item item : note.items(EnumSet.of(Section.DECISIONS))) {
			String decision = item.text();
			if (!decision.isBlank()) {
				decisions.add(new Field<>(promised(item.line(), decision), note.span(item)));
			}
		}
		// "Contract concessions approved up to $120K" among commitments is a decision taken, not a task.
		note.items(EnumSet.of(Section.ACTIONS)).stream()
			.filter(item -> APPROVED.matcher(item.line().content()).find())
			.forEach(item -> decisions.add(new Field<>(item.text(), note.span(item))));
		for (Line line : note.lines()) {
			Matcher plain = DECISION_LINE.matcher(line.content());
			if (line.heading() && Section.of(line.label()) == Section.DECISIONS && line.labelValue() != null
					&& !line.labelValue().isBlank()) {
				int at = note.text().indexOf(line.labelValue(), line.start());
				decisions.add(new Field<>(promised(line, Outline.plain(line.labelValue())),
						note.span(at, at + line.labelValue().length())));
			}
			else if (!line.heading() && plain.matches()) {
				int at = line.contentStart() + plain.start(1);
				decisions.add(new Field<>(Outline.plain(plain.group(1)), note.span(at, line.contentStart() + plain.end(1))));
			}
		}
		return decisions;
	}

	/** Under "Sarah committed to:", a decision says who committed to it. */
	private String promised(Line line, String decision) {
		return note.headingOf(line).map(heading -> heading.label().replaceAll("[*_#:`]", "").strip())
			.filter(label -> Outline.PROMISE.matcher(label).matches())
			.map(label -> label + ": " + decision)
			.orElse(decision);
	}

	List<Concession> concessions(List<Field<String>> decisions) {
		Item chosen = chosenOption(decisions);
		List<Concession> concessions = new ArrayList<>();
		for (Line line : note.lines()) {
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
			concessions.add(new Concession(Outline.plain(content), money.get().money(), status, note.span(line)));
		}
		return concessions;
	}

	/** The resolution option a decision approves by number ("Approved Option 2"), if any. */
	private Item chosenOption(List<Field<String>> decisions) {
		List<Item> options = note.items(EnumSet.of(Section.OPTIONS));
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

}
