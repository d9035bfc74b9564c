package io.riskdesk.notification;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.riskdesk.playbook.Severity;
import io.riskdesk.risk.RiskStatus;

/**
 * One person's weekly digest: the open risks they own, and the open risks of the accounts where
 * they hold a manager role (minus those they own, which are listed once, as theirs). {@code roles}
 * says why they get it: OWNER and/or the manager roles they hold. {@code email} is null when the
 * directory has none; such a person is not sent one.
 */
record WeeklyDigest(long personId, String personName, String email, String week, Set<String> roles,
		List<DigestRisk> owned, List<DigestRisk> managed) {

	WeeklyDigest {
		// Sorted: the outbox row lists them in one order whatever the set they came in.
		roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
		owned = List.copyOf(owned);
		managed = List.copyOf(managed);
	}

	public int riskCount() {
		return owned.size() + managed.size();
	}

	/** The lists that have risks, titled, in the order a message shows them. */
	public List<Section> sections() {
		return Stream.of(new Section("Risks you own", owned), new Section("Risks of the accounts you manage", managed))
			.filter(section -> !section.risks().isEmpty())
			.toList();
	}

	record Section(String title, List<DigestRisk> risks) {
	}

	/** A risk as the digest lists it; {@code due} and {@code breached} are ready-worded lines. */
	record DigestRisk(String key, String title, String account, Severity severity, RiskStatus status, String owner,
			String link, List<Line> due, List<Line> breached) {

		DigestRisk {
			due = List.copyOf(due);
			breached = List.copyOf(breached);
		}
	}

	/** One thing due or breached: what it is (a milestone's title, a clock's name) and when, in the digest's zone. */
	record Line(String what, String when) {
	}

}
