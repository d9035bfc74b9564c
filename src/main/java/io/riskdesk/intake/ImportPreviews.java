package io.riskdesk.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import io.riskdesk.account.Accounts;
import io.riskdesk.intake.ImportRequest.AccountPart;
import io.riskdesk.intake.ImportRequest.MilestonePart;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.sla.CalendarRef;
import io.riskdesk.sla.SlaPreview;
import io.riskdesk.sla.SlaPreviews;

import org.springframework.stereotype.Component;

/**
 * Which of an import's clocks and milestones would start already breached, before it is
 * confirmed, in the calendar of the account it goes to; and the one-click remedy for the
 * milestones: their past due dates moved to the next working day.
 */
@Component
class ImportPreviews {

	private final SlaPreviews sla;

	private final Accounts accounts;

	ImportPreviews(SlaPreviews sla, Accounts accounts) {
		this.sla = sla;
		this.accounts = accounts;
	}

	/**
	 * Empty while the request cannot say when its clocks would be due: no detection time, no
	 * severity, or a new account without a time zone. A review page can be in that state; a
	 * valid request never is.
	 * @throws io.riskdesk.core.InvalidFieldException naming {@code account.id} when there is no account with that id
	 */
	Optional<ImportPreview> of(ImportRequest request) {
		if (request.risk() == null || request.risk().detectedAt() == null || request.risk().severity() == null
				|| request.account() == null) {
			return Optional.empty();
		}
		return calendar(request.account()).map(calendar -> {
			List<MilestonePart> items = request.actionItems();
			List<Integer> dated = IntStream.range(0, items.size()).filter(i -> items.get(i).due() != null).boxed().toList();
			SlaPreview preview = sla.preview(request.risk().severity(),
					request.risk().detectedAt().atZone(calendar.zone()).toInstant(), calendar,
					dated.stream().map(i -> items.get(i).due()).toList());
			List<ImportPreview.Milestone> milestones = new ArrayList<>();
			for (int n = 0; n < dated.size(); n++) {
				SlaPreview.StartingMilestone m = preview.milestones().get(n);
				milestones.add(new ImportPreview.Milestone(dated.get(n), items.get(dated.get(n)).title(), m.due(), m.dueAt(),
						m.status()));
			}
			return new ImportPreview(calendar.zone(), request.risk().detectedAt(), preview.clocks(), milestones,
					preview.nextBusinessDay());
		});
	}

	/** The request with the due date of every milestone that would start overdue moved to the next working day. */
	static ImportRequest withPastDueDatesMoved(ImportRequest request, ImportPreview preview) {
		List<MilestonePart> items = new ArrayList<>(request.actionItems());
		LocalDate moved = preview.nextBusinessDay();
		preview.overdueMilestones().forEach(m -> {
			MilestonePart item = items.get(m.index());
			items.set(m.index(), new MilestonePart(item.title(), item.owner(), moved, item.status()));
		});
		return request.withActionItems(items);
	}

	/** The calendar of the account the import goes to, as its clocks will count: an existing account's, or a new one's. */
	private Optional<CalendarRef> calendar(AccountPart account) {
		return account.existing(accounts)
			.map(CalendarRef::of)
			.or(() -> Optional.ofNullable(account.timeZone())
				.map(zone -> new CalendarRef(Playbook.DEFAULT_CALENDAR, zone, account.country())));
	}

}
