package io.riskdesk.intake.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.riskdesk.account.Money;
import io.riskdesk.intake.ExtractionDraft.Field;
import io.riskdesk.intake.ExtractionDraft.Impact;
import io.riskdesk.intake.ExtractionDraft.ImpactKind;
import io.riskdesk.intake.ExtractionDraft.Span;
import io.riskdesk.intake.internal.Outline.Line;

/** The figures of a note: its contract value, renewal and cancellation dates, and what the trouble costs. */
final class FigureReader {

	private static final Pattern CONTRACT_VALUE = Pattern
		.compile("(?i)\\b(ARR|annual contract(?: value)?|contract value|account value|annual recurring revenue|ACV)\\b|^Contract:");

	private static final Pattern LOST = Pattern.compile(Amounts.MONEY.pattern() + "\\s+in\\s+lost\\s+\\w+");

	private static final Pattern PEOPLE = Pattern.compile(
			"\\b(\\d{1,3}(?:,\\d{3})+|\\d{1,9})(?:\\.(\\d{1,3}))?\\s?([Kk])?\\+?\\s+(users|employees|seats|staff|people|agents)\\b");

	private static final Pattern DOWNTIME = Pattern.compile("(?i)\\b(\\d{1,4})[- ](hours?|hrs?|minutes?|mins?|days?)\\b");

	private static final Pattern OUTAGE_WORDS = Pattern.compile("(?i)outage|downtime|\\bdown\\b|offline|unavailable|lasting");

	private static final Pattern REVENUE_AT_RISK = Pattern
		.compile("(?i)\\bloss of\\b|revenue impact|revenue at risk|at risk:");

	private static final Pattern CANCEL = Pattern.compile("(?i)cancel");

	private static final Pattern RENEW = Pattern.compile("(?i)\\brenew");

	private final Note note;

	FigureReader(Note note) {
		this.note = note;
	}

	/**
	 * The first amount on a line naming the contract value. An amount per month is the contract's per year, twelve
	 * times it; an amount without a currency right after the contract word takes the document's other currency, or
	 * USD. The field's note says either.
	 */
	Field<Money> contractValue() {
		for (Line line : note.lines()) {
			Matcher word = CONTRACT_VALUE.matcher(line.content());
			if (word.find()) {
				Optional<Amounts.Found> found = Amounts.stated(line.content(), word.end(), documentCurrency())
					.or(() -> Amounts.first(line.content()));
				if (found.isPresent()) {
					int at = line.contentStart();
					return yearly(found.get(), note.span(at + found.get().start(), at + found.get().end()));
				}
			}
		}
		// With no contract word, what the customer pays per month or per year is its contract value.
		for (Line line : note.lines()) {
			Optional<Amounts.Found> found = Amounts.first(line.content()).filter(f -> f.period() != null);
			if (found.isPresent()) {
				int at = line.contentStart();
				return yearly(found.get(), note.span(at + found.get().start(), at + found.get().end()));
			}
		}
		return null;
	}

	private static Field<Money> yearly(Amounts.Found found, Span span) {
		Money money = found.money();
		String currency = money.currency().getCurrencyCode();
		String note = found.currencyStated() ? null : "no currency written: " + currency + " assumed";
		if (found.period() == Amounts.Period.MONTH) {
			String monthly = "12 x " + currency + " " + money.amount().toPlainString() + " per month";
			money = new Money(money.amount().multiply(BigDecimal.valueOf(12)), money.currency());
			note = note == null ? monthly : monthly + "; " + note;
		}
		return new Field<>(money, span, List.of(), note);
	}

	/** The currency of the document's first amount that states one, else USD. */
	private Currency documentCurrency() {
		return Amounts.first(note.text()).map(found -> found.money().currency()).orElse(Currency.getInstance("USD"));
	}

	/** At most this much text after "renewal" at a line's end for the date to be looked for on the next line. */
	private static final int WRAPPED_TAIL = 15;

	Field<LocalDate> renewalDate() {
		return dateAfter(RENEW);
	}

	Field<LocalDate> cancellationDate() {
		return dateAfter(CANCEL);
	}

	/**
	 * The first absolute date after a word (cancel, renew) on the same line, or opening the next
	 * line when the word ends a line its sentence wraps from ("... renewal\n2026-10-01.").
	 */
	private Field<LocalDate> dateAfter(Pattern word) {
		List<Line> lines = note.lines();
		for (Line line : lines) {
			Matcher m = word.matcher(line.content());
			if (m.find()) {
				String rest = line.content().substring(m.end());
				Field<LocalDate> date = dateIn(rest, line.contentStart() + m.end(), line, false);
				if (date == null && rest.strip().length() <= WRAPPED_TAIL && line.index() + 1 < lines.size()) {
					Line next = lines.get(line.index() + 1);
					date = next.blank() ? null : dateIn(next.content(), next.contentStart(), next, true);
				}
				if (date != null) {
					return date;
				}
			}
		}
		return null;
	}

	private Field<LocalDate> dateIn(String text, int at, Line line, boolean opening) {
		Optional<Dates.Found> found = Dates.absolute(text, note.referenceAt(line.start()))
			.filter(date -> !opening || text.substring(0, date.start()).isBlank());
		return found.map(date -> new Field<>(date.date(), note.span(at + date.start(), at + date.end()),
				date.alternatives(), null)).orElse(null);
	}

	List<Impact> impact() {
		List<Impact> figures = new ArrayList<>();
		Matcher lost = LOST.matcher(note.text());
		while (lost.find()) {
			Amounts.Found found = Amounts.found(lost);
			if (found == null) {
				continue;
			}
			Money money = found.money();
			figures.add(new Impact(ImpactKind.MONEY_LOST, money.amount(), money.currency().getCurrencyCode(),
					note.span(lost.start(), lost.end())));
		}
		for (Line line : note.lines()) {
			Optional<Amounts.Found> money = Amounts.first(line.content());
			if (money.isPresent() && REVENUE_AT_RISK.matcher(line.content()).find()) {
				int at = line.contentStart();
				figures.add(new Impact(ImpactKind.REVENUE_AT_RISK, money.get().money().amount(),
						money.get().money().currency().getCurrencyCode(),
						note.span(at + money.get().start(), at + money.get().end())));
			}
		}
		Matcher people = PEOPLE.matcher(note.text());
		while (people.find()) {
			BigDecimal amount = new BigDecimal(
					people.group(1).replace(",", "") + (people.group(2) == null ? "" : "." + people.group(2)));
			if (people.group(3) != null) {
				amount = amount.movePointRight(3);
			}
			figures.add(new Impact(ImpactKind.PEOPLE_AFFECTED, Amounts.plain(amount),
					people.group(4).toLowerCase(Locale.ROOT), note.span(people.start(), people.end())));
		}
		for (Line line : note.lines()) {
			if (!OUTAGE_WORDS.matcher(line.content()).find()) {
				continue;
			}
			Matcher m = DOWNTIME.matcher(line.content());
			while (m.find()) {
				String unit = m.group(2).toLowerCase(Locale.ROOT);
				unit = unit.startsWith("h") ? "hours" : unit.startsWith("m") ? "minutes" : "days";
				figures.add(new Impact(ImpactKind.DOWNTIME, new BigDecimal(m.group(1)), unit,
						note.span(line.contentStart() + m.start(), line.contentStart() + m.end())));
			}
		}
		return figures;
	}

}
