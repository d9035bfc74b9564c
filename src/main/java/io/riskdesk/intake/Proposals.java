package io.riskdesk.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import io.riskdesk.account.AccountDetails;
import io.riskdesk.account.Accounts;
import io.riskdesk.account.PersonDirectory;
import io.riskdesk.account.PersonView;
import io.riskdesk.intake.ExtractionDraft.ActionItem;
import io.riskdesk.intake.ExtractionDraft.Field;
import io.riskdesk.intake.ImportRequest.AccountPart;
import io.riskdesk.intake.ImportRequest.MeetingPart;
import io.riskdesk.intake.ImportRequest.MilestonePart;
import io.riskdesk.intake.ImportRequest.RiskPart;
import io.riskdesk.intake.ImportRequest.SignalPart;
import io.riskdesk.playbook.TeamRole;

import org.springframework.stereotype.Component;

/**
 * Pre-fills the review of a draft: the account it names if it exists, the internal CSM as owner,
 * a title, a description gathering what was read, and a date and owner for the action items
 * the document leaves without (the review page marks them).
 */
@Component
class Proposals {

	/** Milestones the notes give no date for are proposed for the next follow-up, else a week after the document. */
	static final int UNDATED_ACTION_DAYS = 7;

	/** A document's events happened in working hours; notes rarely give the time. */
	private static final LocalTime DOCUMENT_TIME = LocalTime.of(9, 0);

	private final Accounts accounts;

	private final PersonDirectory people;

	private final IntakeProperties properties;

	private final Clock clock;

	Proposals(Accounts accounts, PersonDirectory people, IntakeProperties properties, Clock clock) {
		this.accounts = accounts;
		this.people = people;
		this.properties = properties;
		this.clock = clock;
	}

	ImportRequest propose(ExtractionDraft draft, IntakeDocument document, String fileName) {
		Optional<AccountDetails> existing = Optional.ofNullable(value(draft.accountName())).flatMap(accounts::findByName);
		AccountPart account = account(draft, existing);
		PersonView owner = owner(draft, existing).orElse(null);
		LocalDate documentDate = value(draft.documentDate());
		LocalDate undatedDue = undatedDue(draft, documentDate, account.timeZone());
		List<MilestonePart> milestones = draft.actionItems()
			.stream()
			.map(item -> new MilestonePart(cut(item.task(), 300), ownerOf(item, owner), item.due() != null ? item.due() : undatedDue, null))
			.toList();
		RiskPart risk = new RiskPart(title(draft, account.name()), draft.suggestion().category(), draft.suggestion().severity(),
				cut(description(draft), 20_000), owner == null ? null : owner.id(),
				detectedAt(documentDate, account.timeZone()), evidence(draft));
		List<MeetingPart> meetings = draft.followUpMeetings()
			.stream()
			.filter(m -> m.date() != null)
			.map(m -> new MeetingPart(m.date(), m.time(), m.purpose() == null ? null : cut(m.purpose(), 500)))
			.limit(20)
			.toList();
		return new ImportRequest(document.text(), fileName, account, risk, milestones.stream().limit(100).toList(),
				draft.decisions().stream().map(d -> cut(d.value(), 5000)).limit(50).toList(), meetings, null,
				draft.signals().stream().filter(ExtractionDraft.Signal::counts)
					.map(signal -> new SignalPart(signal.signal(), signal.value(), cut(signal.span().text(), 500)))
					.toList());
	}

	private AccountPart account(ExtractionDraft draft, Optional<AccountDetails> existing) {
		LocalDate renewal = Optional.ofNullable(value(draft.renewalDate())).orElse(value(draft.cancellationDate()));
		return existing
			.map(a -> new AccountPart(a.id(), a.name(), value(draft.contractValue()), renewal, a.segment(), a.country(),
					ZoneId.of(a.timeZone())))
			.orElseGet(() -> new AccountPart(null, value(draft.accountName()), value(draft.contractValue()), renewal, null,
					properties.newAccountCountry(), properties.newAccountTimeZone()));
	}

	/** The internal Customer Success Manager among the attendees, else the account's CSM. */
	private Optional<PersonView> owner(ExtractionDraft draft, Optional<AccountDetails> account) {
		Optional<PersonView> attendee = draft.attendees()
			.stream()
			.filter(a -> a.side() == ExtractionDraft.Side.INTERNAL && a.role() != null && isCsm(a.role()))
			.map(a -> people.findByName(a.name()))
			.flatMap(Optional::stream)
			.findFirst();
		return attendee.or(() -> account.stream()
			.flatMap(a -> a.team().stream())
			.filter(member -> member.role() == TeamRole.CSM)
			.map(AccountDetails.TeamMemberView::person)
			.findFirst());
	}

	private static boolean isCsm(String role) {
		String lower = role.toLowerCase(Locale.ROOT);
		return lower.contains("customer success manager") || lower.equals("csm");
	}

	private static String ownerOf(ActionItem item, PersonView riskOwner) {
		if (item.owner() != null) {
			return cut(item.owner(), 200);
		}
		return riskOwner == null ? null : riskOwner.name();
	}

	private LocalDate undatedDue(ExtractionDraft draft, LocalDate documentDate, ZoneId zone) {
		LocalDate from = documentDate != null ? documentDate : LocalDate.now(clock.withZone(zone));
		return draft.followUpMeetings()
			.stream()
			.map(ExtractionDraft.Meeting::date)
			.filter(Objects::nonNull)
			.filter(date -> !date.isBefore(from))
			.min(LocalDate::compareTo)
			.orElse(from.plusDays(UNDATED_ACTION_DAYS));
	}

	/** The document's day in working hours, or now when that is later (a note of today). */
	private LocalDateTime detectedAt(LocalDate documentDate, ZoneId zone) {
		LocalDateTime now = LocalDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.MINUTES);
		if (documentDate == null) {
			return now;
		}
		LocalDateTime stated = documentDate.atTime(DOCUMENT_TIME);
		return stated.isAfter(now) ? now : stated;
	}

	private static String title(ExtractionDraft draft, String accountName) {
		String reason = draft.suggestion().reason();
		String why = reason.startsWith("no playbook rule") ? Stream.of(draft.concerns(), draft.rootCauses())
			.flatMap(List::stream)
			.map(Field::value)
			.findFirst()
			.orElse("escalation") : reason.replaceFirst("\\s*->\\s*S\\d$", "");
		String title = accountName == null ? capitalise(why) : accountName + ": " + why;
		return cut(title, 300);
	}

	/** Everything read that has no field of its own, so nothing the document said is lost on confirming. */
	private static String description(ExtractionDraft draft) {
		StringBuilder text = new StringBuilder("Suggested " + draft.suggestion().severity() + " ("
				+ draft.suggestion().category() + "): " + draft.suggestion().reason() + "\n");
		section(text, "Customer concerns", draft.concerns(), Field::value);
		section(text, "Business impact", draft.impact(), i -> i.span().text());
		section(text, "Root cause", draft.rootCauses(), Field::value);
		section(text, "Resolution options", draft.resolutionOptions(), Field::value);
		section(text, "Concessions and credits", draft.concessions(),
				c -> c.status().name().toLowerCase(Locale.ROOT) + ": " + c.text());
		section(text, "Customer commitments", draft.customerCommitments(), Field::value);
		section(text, "Attendees", draft.attendees(), a -> a.name() + (a.role() == null ? "" : ", " + a.role())
				+ (a.side() == ExtractionDraft.Side.CUSTOMER ? " (customer)" : ""));
		return text.toString().strip();
	}

	private static <T> void section(StringBuilder text, String heading, List<T> items, Function<T, String> line) {
		if (!items.isEmpty()) {
			text.append('\n').append(heading).append(":\n");
			items.forEach(item -> text.append("- ").append(line.apply(item)).append('\n'));
		}
	}

	/** The figures and the customer's own words, one per line. */
	private static List<String> evidence(ExtractionDraft draft) {
		List<String> evidence = new ArrayList<>();
		draft.impact().forEach(i -> evidence.add(i.span().text()));
		draft.concerns().forEach(c -> evidence.add(c.value()));
		return evidence.stream().map(e -> cut(e, 2000)).distinct().limit(50).toList();
	}

	private static <T> T value(Field<T> field) {
		return field == null ? null : field.value();
	}

	private static String capitalise(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
	}

}
