package io.riskdesk.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.riskdesk.account.AccountDetails;
import io.riskdesk.account.AccountForm;
import io.riskdesk.account.Accounts;
import io.riskdesk.account.Money;
import io.riskdesk.intake.ImportRequest.AccountPart;
import io.riskdesk.intake.ImportRequest.MeetingPart;
import io.riskdesk.intake.ImportRequest.MilestonePart;
import io.riskdesk.intake.ImportRequest.RiskPart;
import io.riskdesk.intake.ImportRequest.SignalPart;
import io.riskdesk.signal.ReportedEvents;
import io.riskdesk.signal.ReportedSignal;
import io.riskdesk.plan.CorrectiveActionPlans;
import io.riskdesk.plan.Milestone;
import io.riskdesk.plan.MilestoneStatus;
import io.riskdesk.plan.NewMilestone;
import io.riskdesk.risk.NewReport;
import io.riskdesk.risk.NewRisk;
import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskSource;
import io.riskdesk.risk.RiskStatus;
import io.riskdesk.risk.TransitionRequest;
import io.riskdesk.risk.UnresolvedRisk;
import io.riskdesk.sla.ClockKind;
import io.riskdesk.sla.ClockState;
import io.riskdesk.sla.ClockView;
import io.riskdesk.sla.SlaClocks;
import io.riskdesk.web.Labels;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.core.NotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalation emails and meeting notes into the register: read a document into a draft with a
 * pre-filled proposal, then confirm the reviewed proposal into an account, a risk, its
 * milestones and timeline, with the document attached; or, when the account has that risk
 * already, into the existing risk. All of it or nothing; a document confirmed twice (same text,
 * give or take trailing blanks) finds its earlier import.
 */
@Service
public class IntakeImports {

	private static final String SELECT = """
			select id, risk_key, account_id, file_name, size_bytes, content_hash, imported_at, imported_by
			from intake_import""";

	private final NotesExtractor extractor;

	private final Proposals proposals;

	private final Accounts accounts;

	private final RiskRegister risks;

	private final CorrectiveActionPlans plans;

	private final ImportPreviews previews;

	private final DocumentPeople people;

	private final SlaClocks clocks;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ReportedEvents reportedEvents;

	IntakeImports(NotesExtractor extractor, Proposals proposals, Accounts accounts, RiskRegister risks,
			CorrectiveActionPlans plans, ImportPreviews previews, DocumentPeople people, SlaClocks clocks, JdbcClient jdbc,
			TransactionTemplate transaction, ApplicationEventPublisher events, Clock clock, ReportedEvents reportedEvents) {
		this.extractor = extractor;
		this.proposals = proposals;
		this.accounts = accounts;
		this.risks = risks;
		this.plans = plans;
		this.previews = previews;
		this.people = people;
		this.clocks = clocks;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.events = events;
		this.clock = clock;
		this.reportedEvents = reportedEvents;
	}

	/**
	 * What a document's review starts from; nothing is saved.
	 * @param preview which of the proposal's clocks and milestones would start already breached
	 * @param possibleDuplicates the unresolved risks of the proposal's existing account and
	 * category, which the document may be attached to instead ({@link ImportRequest#attachTo})
	 * @param people the document's author, attendees and owners, matched to the directory and the account's contacts
	 */
	public record Review(ExtractionDraft draft, IntakeImport earlierImport, ImportRequest proposal, ImportPreview preview,
			List<UnresolvedRisk> possibleDuplicates, List<NamedPerson> people) {
	}

	/**
	 * The import a confirmation made, or the earlier one it found ({@code created} false).
	 * @param startedBreached the clocks of the new risk that started already breached, in words, or null
	 */
	public record Confirmed(IntakeImport intakeImport, boolean created, String startedBreached) {
	}

	/** An imported document as it was confirmed, with the name it came under. */
	public record StoredDocument(String fileName, String text) {
	}

	/** A document accepted and read; {@link IntakeDocument#text()} is what the draft's spans point into. */
	record Reading(IntakeDocument document, ExtractionDraft draft, IntakeImport earlierImport) {
	}

	/** @throws InvalidFieldException naming {@code content} for a document that cannot be read */
	public Review review(byte[] content, String fileName) {
		Reading reading = read(content);
		ImportRequest proposal = proposals.propose(reading.draft(), reading.document(), fileName);
		return new Review(reading.draft(), reading.earlierImport(), proposal, previews.of(proposal).orElse(null),
				possibleDuplicates(proposal), people.of(reading.draft(), proposal.account().id()));
	}

	/** The document's people matched to the directory and the contacts of the account the form names. */
	List<NamedPerson> people(ExtractionDraft draft, ImportRequest form) {
		return people.of(draft, form.account() == null ? null : form.account().id());
	}

	/** The unresolved risks of the import's account, if it exists, and of its risk's category. */
	public List<UnresolvedRisk> possibleDuplicates(ImportRequest request) {
		AccountPart account = request.account();
		Optional<Long> accountId = account.id() != null ? Optional.of(account.id())
				: Optional.ofNullable(account.name()).filter(name -> !name.isBlank()).flatMap(accounts::findByName)
					.map(AccountDetails::id);
		return accountId.filter(id -> request.risk().category() != null)
			.map(id -> risks.unresolved(id, request.risk().category()))
			.orElse(List.of());
	}

	private Reading read(byte[] content) {
		return read(IntakeDocument.of(content, extractor.maxBytes()));
	}

	/** Reads a document a review form posted back, without proposing anything: what the page shown again needs. */
	Reading reread(String postedContent) {
		return read(document(postedContent));
	}

	private Reading read(IntakeDocument document) {
		return new Reading(document, extractor.extract(document), find(hash(document.text())).orElse(null));
	}

	/**
	 * Logs the reviewed import. Field errors name the request's fields ({@code account.segment},
	 * {@code risk.detectedAt}, {@code actionItems[2].due}); nothing is written then.
	 */
	public Confirmed confirm(ImportRequest request, String actor) {
		IntakeDocument document = document(request.content());
		String hash = hash(document.text());
		List<ReportedSignal> signals = request.signals().stream().map(SignalPart::reported).toList();
		reportedEvents.check(signals);
		try {
			return transaction.execute(tx -> {
				// Confirmations of one document take turns, so the second finds the first's import
				// rather than racing it (on the account's row, say); the unique index stays the backstop.
				jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:hash, 0))").param("hash", hash).query().singleRow();
				return find(hash).map(earlier -> new Confirmed(earlier, false, null))
					.orElseGet(() -> log(request, document, hash, actor));
			});
		}
		catch (DuplicateKeyException ex) {
			return new Confirmed(find(hash).orElseThrow(() -> ex), false, null);
		}
	}

	public IntakeImport get(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::row).optional()
			.orElseThrow(() -> new NotFoundException("Import", id));
	}

	public StoredDocument document(long id) {
		return jdbc.sql("select file_name, content from intake_import where id = :id")
			.param("id", id)
			.query((rs, n) -> new StoredDocument(rs.getString("file_name") != null ? rs.getString("file_name") : "import-" + id + ".txt",
					rs.getString("content")))
			.optional()
			.orElseThrow(() -> new NotFoundException("Import", id));
	}

	/** The import a risk came from: its first, since later documents may be attached to it. */
	public Optional<IntakeImport> ofRisk(String riskKey) {
		return jdbc.sql(SELECT + " where risk_key = :key order by imported_at, id limit 1")
			.param("key", riskKey)
			.query(this::row)
			.optional();
	}

	public List<IntakeImport> recent(int limit) {
		return jdbc.sql(SELECT + " order by imported_at desc, id desc limit :limit").param("limit", limit).query(this::row).list();
	}

	private Confirmed log(ImportRequest request, IntakeDocument document, String hash, String actor) {
		AccountChange accountChange = account(request.account());
		AccountDetails account = accountChange.after();
		RiskPart part = request.risk();
		boolean attached = request.attachTo() != null;
		String key = attached ? attach(request.attachTo(), account, part, actor) : logRisk(account, part, actor);
		for (String decision : request.decisions()) {
			risks.addDecision(key, null, decision, actor);
		}
		Function<String, Optional<Long>> directoryIds = people.directoryIds(account.id());
		for (MilestonePart item : request.actionItems()) {
			addMilestone(key, item, directoryIds.apply(item.owner()).orElse(null), actor);
		}
		// The plan's first milestones recorded CREATE_CAP; an existing risk keeps the rest of its triage as it was.
		if (!attached) {
			recordTriage(key, part, actor);
		}
		Instant now = clock.instant();
		for (MeetingPart meeting : request.meetings()) {
			events.publishEvent(new MeetingAnnounced(key, meeting.date(), meeting.time(), meeting.purpose(), actor, now));
		}
		long id = jdbc.sql("""
				insert into intake_import (content_hash, file_name, content, size_bytes, risk_key, account_id, imported_at, imported_by)
				values (:hash, :fileName, :content, :size, :key, :account, :now, :actor) returning id""")
			.param("hash", hash)
			.param("fileName", request.fileName())
			.param("content", document.text())
			.param("size", document.text().getBytes(StandardCharsets.UTF_8).length)
			.param("key", key)
			.param("account", account.id())
			.param("now", Timestamp.from(now))
			.param("actor", actor)
			.query(Long.class)
			.single();
		// The kept signals become the account's events of the day the document was written, for detection's next pass.
		reportedEvents.record(account.id(), part.detectedAt().toLocalDate(), "import " + id,
				request.signals().stream().map(SignalPart::reported).toList());
		String source = request.fileName() == null ? "a pasted document" : request.fileName();
		// An attached document's risk had its clocks before: only a new risk's started with the import.
		String startedBreached = attached ? null : startedBreached(key).orElse(null);
		events.publishEvent(new DocumentImported(key, id, source, attached, request.actionItems().size(),
				request.decisions().size(), request.meetings().size(), accountChange.describe().orElse(null),
				startedBreached, actor, now));
		return new Confirmed(get(id), true, startedBreached);
	}

	/**
	 * The new risk's clocks that were due before it was imported, as its clocks now say, in words:
	 * "Triage, First response, 2 milestones".
	 */
	private Optional<String> startedBreached(String key) {
		List<ClockView> breached = clocks.clocksOf(key).stream().filter(c -> c.state() == ClockState.BREACHED).toList();
		List<String> words = new ArrayList<>(
				breached.stream().filter(c -> c.kind() != ClockKind.MILESTONE).map(c -> Labels.of(c.kind())).toList());
		long milestones = breached.size() - words.size();
		if (milestones > 0) {
			words.add(milestones + (milestones == 1 ? " milestone" : " milestones"));
		}
		return words.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", words));
	}

	private String logRisk(AccountDetails account, RiskPart part, String actor) {
		try {
			return risks.create(new NewRisk(account.id(), part.title(), part.category(), part.description(), part.severity(),
					part.ownerId(), List.of(), part.detectedAt().atZone(ZoneId.of(account.timeZone())).toInstant(),
					part.evidence()), RiskSource.IMPORT, actor).key();
		}
		catch (InvalidFieldException ex) {
			throw new InvalidFieldException("risk." + ex.field(), ex.reason());
		}
	}

	/**
	 * The document's report attached to an unclosed risk of the import's account, as another
	 * report of its problem; the risk's title, severity and owner stay as they are.
	 */
	private String attach(String key, AccountDetails account, RiskPart part, String actor) {
		RiskDetails risk;
		try {
			risk = risks.get(key);
		}
		catch (NotFoundException ex) {
			throw new InvalidFieldException("attachTo", "no risk " + key);
		}
		if (risk.status() == RiskStatus.CLOSED) {
			throw new InvalidFieldException("attachTo", key + " is closed; attach the document to an unclosed risk or log a new one");
		}
		if (!risk.account().id().equals(account.id())) {
			throw new InvalidFieldException("attachTo", key + " is a risk of " + risk.account().name() + ", not of "
					+ account.name());
		}
		try {
			risks.attachReport(key, null, new NewReport(part.title(), part.description(), part.evidence()), actor);
		}
		catch (InvalidFieldException ex) {
			throw new InvalidFieldException("risk." + ex.field(), ex.reason());
		}
		return key;
	}

	/** The account before and after an import touched it ({@code before} null: created by it). */
	private record AccountChange(AccountDetails before, AccountDetails after) {

		/** What changed, for the timeline: "created", "ARR USD 2300000.00 -> USD 2500000", "renewal 2026-03-31 -> 2026-06-30". */
		Optional<String> describe() {
			if (before == null) {
				return Optional.of("created: " + after.name());
			}
			List<String> changes = new ArrayList<>();
			if (!sameMoney(before.arr(), after.arr())) {
				changes.add("ARR " + money(before.arr()) + " -> " + money(after.arr()));
			}
			if (!Objects.equals(before.renewalDate(), after.renewalDate())) {
				changes.add("renewal " + before.renewalDate() + " -> " + after.renewalDate());
			}
			return changes.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", changes));
		}

		private static String money(Money money) {
			return money == null ? "unknown" : money.currency() + " " + money.amount().toPlainString();
		}
	}

	/** The named or identified account, its ARR and renewal brought up to date; else a new one. */
	private AccountChange account(AccountPart part) {
		Optional<AccountDetails> existing = part.existing(accounts);
		if (existing.isPresent()) {
			AccountDetails account = existing.get();
			boolean changed = (part.arr() != null && !sameMoney(part.arr(), account.arr()))
					|| (part.renewalDate() != null && !part.renewalDate().equals(account.renewalDate()));
			return new AccountChange(account,
					changed ? accounts.updateContract(account.id(), part.arr(), part.renewalDate()) : account);
		}
		require(part.name() != null && !part.name().isBlank(), "name", "is required: choose an account or name a new one");
		require(part.segment() != null, "segment", "is required for a new account");
		require(part.country() != null, "country", "is required for a new account");
		require(part.timeZone() != null, "timeZone", "is required for a new account");
		try {
			return new AccountChange(null, accounts.create(new AccountForm(part.name(), part.arr(), part.renewalDate(),
					part.segment(), part.country(), part.timeZone(), null, Map.of(), List.of(), null, null)));
		}
		catch (InvalidFieldException ex) {
			throw new InvalidFieldException("account." + ex.field(), ex.reason());
		}
	}

	/** 2300000 and 2300000.00 are the same ARR. */
	private static boolean sameMoney(Money a, Money b) {
		return a == null ? b == null
				: b != null && a.currency().equals(b.currency()) && a.amount().compareTo(b.amount()) == 0;
	}

	/** A severity and an owner in the reviewed import triage the risk. Notifying and the cadence stay to be done. */
	private void recordTriage(String key, RiskPart risk, String actor) {
		if (risk.severity() != null && risk.ownerId() != null) {
			risks.transition(key, null, TransitionRequest.to(RiskStatus.TRIAGED), actor);
		}
	}

	/** @param ownerId the directory person the owner's name stands for, or null to keep it as written */
	private void addMilestone(String key, MilestonePart item, Long ownerId, String actor) {
		Milestone milestone = plans.add(key, new NewMilestone(item.title(), item.owner(), ownerId, item.due(), null), actor);
		if (item.status() != MilestoneStatus.TODO) {
			plans.changeStatus(key, milestone.id(), null, item.status(),
					item.status() == MilestoneStatus.DROPPED ? "Dropped in the imported document" : null, actor);
		}
	}

	/** A form posts the document back with CRLF line ends; the limit is on the document, not on that. */
	private IntakeDocument document(String content) {
		String text = content == null ? "" : content.replace("\r\n", "\n");
		return IntakeDocument.of(text.getBytes(StandardCharsets.UTF_8), extractor.maxBytes());
	}

	private Optional<IntakeImport> find(String hash) {
		return jdbc.sql(SELECT + " where content_hash = :hash").param("hash", hash).query(this::row).optional();
	}

	/** Trailing blanks on a line or at the end do not make another document: pasted and uploaded copies differ there. */
	static String hash(String text) {
		String normalised = text.lines().map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private static void require(boolean condition, String field, String reason) {
		if (!condition) {
			throw new InvalidFieldException("account." + field, reason);
		}
	}

	private IntakeImport row(ResultSet rs, int n) throws SQLException {
		return new IntakeImport(rs.getLong("id"), rs.getString("risk_key"), rs.getLong("account_id"), rs.getString("file_name"),
				rs.getInt("size_bytes"), rs.getString("content_hash"), rs.getTimestamp("imported_at").toInstant(),
				rs.getString("imported_by"));
	}

}
