package io.riskdesk.signal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.riskdesk.account.AccountDetails;
import io.riskdesk.account.Accounts;
import io.riskdesk.core.Text;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.playbook.TeamRole;
import io.riskdesk.risk.NewReport;
import io.riskdesk.risk.NewRisk;
import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskSource;
import io.riskdesk.risk.RiskStatus;
import io.riskdesk.risk.SeverityChange;
import io.riskdesk.risk.UnresolvedRisk;
import io.riskdesk.web.Labels;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Detection passes and what they do to the register. A pass records the rules' findings in the
 * {@link FindingLog} and, in the same transaction, opens a risk (source SIGNAL) for a new finding,
 * or attaches the finding's evidence to the account's unresolved risk of its category, whatever
 * its source; raises that risk to a finding's higher severity; and notes a cleared finding on its
 * risk's timeline. Nothing is closed by a pass.
 * <p>
 * Passes run one at a time (the log's lock) and all or nothing, so a re-run, two runs at once or
 * a restart in the middle of one never open a risk twice: a finding goes to the register only
 * when the log adds it, which happens once.
 */
@Service
public class DetectionRuns {

	/** Who detection's changes are by, on the timeline. */
	static final String ACTOR = "signal";

	private final FindingLog log;

	private final RiskRegister risks;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DetectionRuns(FindingLog log, RiskRegister risks, Accounts accounts, JdbcClient jdbc, ApplicationEventPublisher events,
			Clock clock) {
		this.log = log;
		this.risks = risks;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** A pass over every account as of today (UTC). */
	public DetectionRun run() {
		return run(LocalDate.now(clock), null);
	}

	/** A pass as of {@code asOf} over {@code accountIds} (an id of no account finds nothing), or every account when null. */
	@Transactional
	public DetectionRun run(LocalDate asOf, Collection<Long> accountIds) {
		FindingPass pass = accountIds == null ? log.pass(asOf) : log.pass(asOf, accountIds);
		Register register = new Register();
		Map<Group, List<FindingEntry>> added = byGroup(pass.added());
		Map<Group, List<FindingEntry>> risen = byGroup(pass.escalated().stream().map(FindingPass.Escalated::finding).toList());
		Set<Group> changed = new LinkedHashSet<>(added.keySet());
		changed.addAll(risen.keySet());
		for (Group group : changed) {
			List<FindingEntry> fresh = added.getOrDefault(group, List.of());
			List<FindingEntry> all = new ArrayList<>(fresh);
			all.addAll(risen.getOrDefault(group, List.of()));
			Optional<String> target = fresh.isEmpty() ? riskOf(risen.get(group)) : Optional.of(place(group, fresh, register));
			target.ifPresent(key -> escalate(key, strongest(all), register));
		}
		noteCleared(pass.cleared(), register);
		return new DetectionRun(asOf, pass.playbookVersion(), accountIds == null ? null : List.copyOf(accountIds),
				pass.added().size(), pass.escalated().size(), pass.cleared().size(), pass.refreshed(),
				register.opened, register.attached, List.copyOf(register.escalated), register.noted);
	}

	/** New findings of one account and category: to its unresolved risk if it has one, else to a new risk. */
	private String place(Group group, List<FindingEntry> fresh, Register register) {
		List<UnresolvedRisk> open = risks.unresolved(group.accountId(), group.category());
		String key;
		if (open.isEmpty()) {
			key = open(group, fresh).key();
			register.opened.add(key);
		}
		else {
			// The oldest: a report of the same problem goes where the problem was first logged.
			key = open.get(0).key();
			attach(key, fresh);
			register.attached.add(key);
		}
		jdbc.sql("update signal_finding set risk_key = :key where account_id = :account and id in (:ids)")
			.param("key", key)
			.param("account", group.accountId())
			.param("ids", fresh.stream().map(FindingEntry::id).toList())
			.update();
		return key;
	}

	private RiskDetails open(Group group, List<FindingEntry> fresh) {
		AccountDetails account = accounts.get(group.accountId());
		Finding strongest = strongest(fresh);
		Long csm = account.team().stream()
			.filter(member -> member.role() == TeamRole.CSM)
			.map(member -> member.person().id())
			.findFirst()
			.orElse(null);
		return risks.create(new NewRisk(account.id(), title(strongest), group.category(), description(fresh),
				strongest.severity(), csm, List.of(), clock.instant(), evidence(fresh, Text.ITEMS)), RiskSource.SIGNAL, ACTOR);
	}

	private void attach(String key, List<FindingEntry> fresh) {
		// The risk's evidence list has a limit; what does not fit is still in the timeline's description.
		int room = Math.max(0, Text.ITEMS - risks.get(key).evidence().size());
		risks.attachReport(key, null, new NewReport(title(strongest(fresh)), description(fresh), evidence(fresh, room)),
				ACTOR);
	}

	/** Raises the risk to the finding's severity when that is higher; never lowers it, never touches a closed risk. */
	private void escalate(String key, Finding strongest, Register register) {
		RiskDetails risk = risks.get(key);
		if (!RiskStatus.UNRESOLVED.contains(risk.status())
				|| (risk.severity() != null && risk.severity().compareTo(strongest.severity()) <= 0)) {
			return;
		}
		risks.changeSeverity(key, null, new SeverityChange(strongest.severity(),
				shorten("Signal " + strongest.ruleId() + ": " + strongest.explanation() + modifiers(strongest), Text.LINE)),
				ACTOR);
		register.escalated.add(key);
	}

	/** The unresolved risk that risen findings went to earlier, if any. */
	private Optional<String> riskOf(List<FindingEntry> risen) {
		return risen.stream().map(FindingEntry::riskKey).filter(this::unresolved).findFirst();
	}

	private void noteCleared(List<FindingEntry> cleared, Register register) {
		for (FindingEntry entry : cleared) {
			if (unresolved(entry.riskKey())) {
				events.publishEvent(new FindingCleared(entry.riskKey(), entry.finding().ruleId(),
						entry.finding().explanation(), clock.instant()));
				register.noted.add(entry.riskKey());
			}
		}
	}

	private boolean unresolved(String riskKey) {
		return riskKey != null && RiskStatus.UNRESOLVED.contains(risks.status(riskKey));
	}

	private static Map<Group, List<FindingEntry>> byGroup(List<FindingEntry> entries) {
		return entries.stream()
			.collect(Collectors.groupingBy(entry -> new Group(entry.finding().accountId(), entry.finding().category()),
					LinkedHashMap::new, Collectors.toList()));
	}

	private static Finding strongest(List<FindingEntry> entries) {
		return entries.stream()
			.map(FindingEntry::finding)
			.min(Comparator.comparing(Finding::severity).thenComparing(Finding::ruleId))
			.orElseThrow();
	}

	/** "Adoption signal: adoption collapse". */
	private static String title(Finding finding) {
		return Labels.of(finding.category()) + " signal: " + finding.ruleId().replace('-', ' ');
	}

	private static String description(List<FindingEntry> fresh) {
		return shorten(fresh.stream()
			.map(FindingEntry::finding)
			.map(f -> "- " + f.severity() + " " + f.ruleId() + ": " + f.explanation() + " (threshold: " + f.threshold() + ")"
					+ modifiers(f))
			.collect(Collectors.joining("\n", "Found by signal detection as of " + fresh.get(0).finding().firedOn()
					+ " (playbook " + fresh.get(0).playbookVersion().substring(0, 12) + "):\n", "")), Text.LONG);
	}

	private static List<String> evidence(List<FindingEntry> fresh, int room) {
		return fresh.stream()
			.map(FindingEntry::finding)
			.map(f -> shorten(f.explanation() + (f.recordIds().isEmpty() ? "" : " [" + String.join(", ", f.recordIds()) + "]"),
					Text.LINE))
			.limit(room)
			.toList();
	}

	private static String modifiers(Finding finding) {
		return finding.modifiers().isEmpty() ? "" : "; " + String.join("; ", finding.modifiers());
	}

	/** At most {@code max} characters, an ellipsis saying some were cut (never half a character pair). */
	static String shorten(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		int end = max - 1;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "…";
	}

	private record Group(long accountId, RiskCategory category) {
	}

	/** What a pass did to the register, in the order it did it. */
	private static final class Register {

		final List<String> opened = new ArrayList<>();

		final List<String> attached = new ArrayList<>();

		final Set<String> escalated = new LinkedHashSet<>();

		final List<String> noted = new ArrayList<>();

	}

}
