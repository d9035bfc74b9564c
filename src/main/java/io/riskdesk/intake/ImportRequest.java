package io.riskdesk.intake;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.riskdesk.account.AccountDetails;
import io.riskdesk.account.Accounts;
import io.riskdesk.account.Money;
import io.riskdesk.account.Segment;
import io.riskdesk.plan.MilestoneStatus;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.signal.ReportedSignal;
import io.riskdesk.signal.TextSignal;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.core.SaneDate;
import io.riskdesk.core.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A reviewed import: the document as it was read, and what a person confirmed from it.
 * {@link IntakeImports#propose} pre-fills one from the extractor's draft; the same shape comes
 * back from the review page and from API clients. With {@code attachTo}, the key of an unclosed
 * risk of the same account, no risk is logged: the document is attached to that one.
 */
public record ImportRequest(
		@NotBlank String content,
		@Text(max = Text.FILE_NAME) String fileName,
		@NotNull @Valid AccountPart account,
		@NotNull @Valid RiskPart risk,
		@JsonSetter(contentNulls = Nulls.SKIP) @Size(max = 100) List<@Valid MilestonePart> actionItems,
		@JsonSetter(contentNulls = Nulls.SKIP) @Size(max = Text.ITEMS) List<@Text(max = Text.NOTE) String> decisions,
		@JsonSetter(contentNulls = Nulls.SKIP) @Size(max = 20) List<@Valid MeetingPart> meetings,
		@Text(max = Text.CODE) String attachTo,
		@JsonSetter(contentNulls = Nulls.SKIP) @Size(max = 20) List<@Valid SignalPart> signals) {

	public ImportRequest {
		fileName = baseName(fileName);
		attachTo = attachTo == null || attachTo.isBlank() ? null : attachTo.strip();
		actionItems = withoutGaps(actionItems);
		decisions = withoutBlanks(decisions);
		meetings = withoutGaps(meetings);
		// The review form's box to keep a signal carries its kind: an unticked one comes without.
		signals = withoutGaps(signals).stream().filter(signal -> signal.signal() != null).toList();
	}

	/** The same request with other action items (due dates moved, say). */
	ImportRequest withActionItems(List<MilestonePart> items) {
		return new ImportRequest(content, fileName, account, risk, items, decisions, meetings, attachTo, signals);
	}

	/**
	 * The file's own name only: browsers and clients may send the folders along ({@code C:\temp\x.md},
	 * {@code ../../etc/passwd}), and a line break would end up in logs and download headers.
	 */
	private static String baseName(String fileName) {
		if (fileName == null) {
			return null;
		}
		String name = LINE_BREAKS_AND_CONTROLS.matcher(fileName).replaceAll("");
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
		return name.isEmpty() || name.equals(".") || name.equals("..") ? null : name;
	}

	private static final Pattern LINE_BREAKS_AND_CONTROLS = Pattern.compile("[\\p{Cc}\\u2028\\u2029]");

	/** A row the reviewer removed is no entry, whether it comes as a gap in a form's indexes or a JSON null (skipped, not refused). */
	private static <T> List<T> withoutGaps(List<T> rows) {
		return rows == null ? List.of() : rows.stream().filter(Objects::nonNull).toList();
	}

	/** An emptied text row is no entry either. */
	private static List<String> withoutBlanks(List<String> texts) {
		return withoutGaps(texts).stream().filter(t -> !t.isBlank()).toList();
	}

	/**
	 * The account: an existing one by {@code id}, else the one named {@code name}, else a new
	 * one (then segment, country and time zone are required). ARR and renewal date, when given,
	 * update an existing account.
	 */
	public record AccountPart(
			Long id,
			@Text(max = Text.NAME) String name,
			@Valid Money arr,
			@SaneDate LocalDate renewalDate,
			Segment segment,
			@Size(max = 2) String country,
			ZoneId timeZone) {

		public AccountPart {
			// A form with both ARR inputs left empty states no ARR.
			arr = arr != null && arr.amount() == null && arr.currency() == null ? null : arr;
		}

		/**
		 * The existing account this names: by id, else by name; empty for a new one.
		 * @throws InvalidFieldException naming {@code account.id} when there is no account with that id
		 */
		Optional<AccountDetails> existing(Accounts accounts) {
			if (id != null) {
				return Optional.of(accounts.find(id)
					.orElseThrow(() -> new InvalidFieldException("account.id", "no account with id " + id)));
			}
			return Optional.ofNullable(name).filter(n -> !n.isBlank()).flatMap(accounts::findByName);
		}
	}

	/** The risk to log; {@code detectedAt} is a local time in the account's zone, as documents state it. */
	public record RiskPart(
			@NotBlank @Text(max = Text.TITLE) String title,
			@NotNull RiskCategory category,
			@NotNull Severity severity,
			@Text(max = Text.LONG) String description,
			Long ownerId,
			@NotNull @SaneDate LocalDateTime detectedAt,
			@JsonSetter(contentNulls = Nulls.SKIP) @Size(max = Text.ITEMS) List<@Text(max = Text.LINE) String> evidence) {

		public RiskPart {
			evidence = withoutBlanks(evidence);
		}
	}

	/** An action item, to become a milestone of the corrective action plan. */
	public record MilestonePart(
			@NotBlank @Text(max = Text.TITLE) String title,
			@NotBlank @Text(max = Text.NAME) String owner,
			@NotNull @SaneDate LocalDate due,
			MilestoneStatus status) {

		public MilestonePart {
			status = status == null ? MilestoneStatus.TODO : status;
		}
	}

	/**
	 * A signal the document states that the reviewer kept: recorded as an event of the account for
	 * detection (docs/intake.md#signals). {@code value} is its figure (a percentage, a count, an
	 * NPS) when it carries one; {@code quote} the words that state it.
	 */
	public record SignalPart(TextSignal signal, Integer value, @Text(max = Text.LINE) String quote) {

		ReportedSignal reported() {
			return new ReportedSignal(signal, value, quote);
		}
	}

	/** A follow-up meeting, recorded on the risk's timeline. */
	public record MeetingPart(@NotNull @SaneDate LocalDate date, LocalTime time, @Text(max = Text.LINE) String purpose) {
	}

}
